#include "ErrorLabel.h"

#include <QColor>
#include <QLabel>
#include <QPalette>
#include <QString>

namespace hepdesk::gui {

QLabel* newErrorLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    if (!objectName.isEmpty()) {
        label->setObjectName(objectName);
    }
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xA3, 0x00, 0x00));
    label->setPalette(pal);
    label->hide();
    return label;
}

} // namespace hepdesk::gui
