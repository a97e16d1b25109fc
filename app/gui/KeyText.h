#pragma once

#include <QKeySequence>
#include <QString>

namespace hepdesk::gui {

/// A shortcut as the person reads it, in the interface language ("Ctrl+Mayús+P" in Spanish):
/// tooltips and hints name shortcuts through this, never as fixed English text.
inline QString keyText(const QKeySequence& key) {
    return key.toString(QKeySequence::NativeText);
}

/// The Alt+letter of a label with an access key ("Si&gn session" -> "Alt+G").
inline QString accessKeyText(const QString& label) {
    return keyText(QKeySequence::mnemonic(label));
}

} // namespace hepdesk::gui
