#pragma once

class QLabel;
class QString;
class QWidget;

namespace hepdesk::gui {

/// A form's message line: plain text (never rich text from user input), wrapped, in deep red
/// (8.6:1 on white), hidden until there is something to say. `objectName` may be empty.
QLabel* newErrorLabel(QWidget* parent, const QString& objectName);

} // namespace hepdesk::gui
