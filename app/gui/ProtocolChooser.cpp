#include "ProtocolChooser.h"

#include "ProgramModel.h"
#include "hepdesk/visit/ProtocolLibrary.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace hepdesk::gui {
namespace {

constexpr int kShippedRole = Qt::UserRole + 1;

} // namespace

ProtocolChooser::ProtocolChooser(ProgramModel& program, QWidget* parent)
    : QWidget(parent), program_(program) {
    setObjectName(QStringLiteral("protocolChooser"));
    choice_ = new QComboBox(this);
    choice_->setObjectName(QStringLiteral("protocolChoice"));
    choice_->setAccessibleName(tr("Protocol"));
    choice_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    choice_->setMinimumContentsLength(12); // narrow beside the catalog; the list opens wide
    apply_ = new QPushButton(tr("Apply"), this);
    apply_->setObjectName(QStringLiteral("applyProtocol"));
    save_ = new QPushButton(tr("Save current as…"), this);
    save_->setObjectName(QStringLiteral("saveProtocol"));
    rename_ = new QPushButton(tr("Rename…"), this);
    rename_->setObjectName(QStringLiteral("renameProtocol"));
    delete_ = new QPushButton(tr("Delete"), this);
    delete_->setObjectName(QStringLiteral("deleteProtocol"));
    result_ = new QLabel(this);
    result_->setObjectName(QStringLiteral("protocolResult"));
    result_->setWordWrap(true);
    result_->setTextFormat(Qt::PlainText);
    result_->hide();

    connect(choice_, &QComboBox::currentIndexChanged, this, [this] { updateButtons(); });
    connect(apply_, &QPushButton::clicked, this, [this] { (void)applySelected(); });
    connect(save_, &QPushButton::clicked, this, [this] { askSave(); });
    connect(rename_, &QPushButton::clicked, this, [this] { askRename(); });
    connect(delete_, &QPushButton::clicked, this, [this] { askDelete(); });
    connect(&program_, &QAbstractItemModel::rowsInserted, this, [this] { updateButtons(); });
    connect(&program_, &QAbstractItemModel::rowsRemoved, this, [this] { updateButtons(); });
    connect(&program_, &QAbstractItemModel::modelReset, this, [this] { updateButtons(); });

    auto* title = new QLabel(tr("<b>Protocols</b>"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(choice_, 1);
    top->addWidget(apply_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(save_);
    buttons->addWidget(rename_);
    buttons->addWidget(delete_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(buttons);
    layout->addWidget(result_);
    updateButtons();
}

void ProtocolChooser::setLibrary(visit::ProtocolLibrary* library) {
    library_ = library;
    reload();
}

void ProtocolChooser::setAssessment(const Assessment* assessment) {
    assessment_ = assessment;
    updateButtons();
}

void ProtocolChooser::setReadOnly(bool readOnly) {
    readOnly_ = readOnly;
    updateButtons();
}

void ProtocolChooser::reload(const QString& select) {
    const QString keep = select.isEmpty() ? choice_->currentData().toString() : select;
    const QSignalBlocker block(choice_);
    choice_->clear();
    if (library_ != nullptr) {
        auto all = library_->list();
        if (!all) {
            result_->setText(QString::fromStdString(all.error().message));
            result_->show();
        } else {
            for (const Protocol& p : *all) {
                const QString name = QString::fromStdString(p.name);
                choice_->addItem(p.shipped ? tr("%1 (shipped)").arg(name) : name, name);
                choice_->setItemData(choice_->count() - 1, p.shipped, kShippedRole);
                if (!p.meantFor.empty()) {
                    choice_->setItemData(choice_->count() - 1, QString::fromStdString(p.meantFor),
                                         Qt::ToolTipRole);
                }
            }
        }
    }
    const int i = choice_->findData(keep);
    choice_->setCurrentIndex(i >= 0 ? i : 0);
    updateButtons();
}

bool ProtocolChooser::selectedIsShipped() const {
    return choice_->currentData(kShippedRole).toBool();
}

void ProtocolChooser::updateButtons() {
    const bool any = library_ != nullptr && choice_->currentIndex() >= 0;
    // The box is narrow beside the catalog: its tooltip says the whole name and what it is for.
    const QString meantFor = choice_->currentData(Qt::ToolTipRole).toString();
    choice_->setToolTip(meantFor.isEmpty()
                            ? choice_->currentText()
                            : choice_->currentText() + QStringLiteral("\n") + meantFor);
    const bool editable = !readOnly_;
    apply_->setEnabled(any && editable && assessment_ != nullptr);
    apply_->setToolTip(
        readOnly_ ? tr("This session is signed: its program can no longer change.")
        : assessment_ == nullptr
            ? tr("Record the screening first: each exercise is checked against it.")
            : tr("Add the protocol's exercises to the program; those this patient's screening "
                 "excludes are left out and named."));
    save_->setEnabled(library_ != nullptr && program_.rowCount() > 0);
    save_->setToolTip(tr("Save the current program (exercises, dosage, notes) as the clinic's "
                         "protocol."));
    const bool ownSelected = any && !selectedIsShipped();
    rename_->setEnabled(ownSelected);
    delete_->setEnabled(ownSelected);
    const QString readOnlyTip =
        tr("Shipped protocols are read-only: apply one, then save your copy under a new name.");
    rename_->setToolTip(ownSelected ? tr("Rename the chosen protocol.") : readOnlyTip);
    delete_->setToolTip(ownSelected ? tr("Delete the chosen protocol.") : readOnlyTip);
    setEnabled(library_ != nullptr);
}

void ProtocolChooser::report(const Status& s, const QString& done) {
    result_->setText(s ? done : QString::fromStdString(s.error().message));
    result_->show();
}

Status ProtocolChooser::applySelected() {
    if (library_ == nullptr || assessment_ == nullptr || readOnly_ || choice_->currentIndex() < 0) {
        return Error::refused(tr("A protocol cannot be applied now.").toStdString());
    }
    const std::string name = choice_->currentData().toString().toStdString();
    auto applied = library_->apply(name, *assessment_, program_.program(), false);
    if (!applied) {
        report(applied.error(), {});
        return applied.error();
    }
    program_.replaceProgram(applied->program);
    QStringList lines;
    lines << tr("Applied “%1”: %n exercise(s) added.", nullptr,
                static_cast<int>(applied->added.size()))
                 .arg(QString::fromStdString(applied->name));
    if (!applied->alreadyThere.empty()) {
        lines << tr("%n already in the program, kept as they were.", nullptr,
                    static_cast<int>(applied->alreadyThere.size()));
    }
    for (const auto& l : applied->leftOut) {
        QStringList reasons;
        for (const auto& r : l.reasons) {
            reasons << QString::fromStdString(r);
        }
        lines << tr("Left out %1: excluded by %2 (%3).")
                     .arg(QString::fromStdString(l.exerciseName),
                          QString::fromStdString(l.findings.empty() ? std::string("-")
                                                                    : l.findings.front()),
                          reasons.join(QStringLiteral("; ")));
    }
    if (!applied->cautions.empty()) {
        lines << tr("%n caution(s) apply: see the program.", nullptr,
                    static_cast<int>(applied->cautions.size()));
    }
    result_->setText(lines.join(QLatin1Char('\n')));
    result_->show();
    return {};
}

Status ProtocolChooser::saveCurrentAs(const QString& name, bool replace) {
    if (library_ == nullptr) {
        return Error::refused(tr("No database: protocols cannot be saved.").toStdString());
    }
    const Status s = library_->save(name.trimmed().toStdString(), program_.program(), replace);
    report(s, tr("Saved the program as “%1”.").arg(name.trimmed()));
    if (s) {
        reload(name.trimmed());
    }
    return s;
}

Status ProtocolChooser::renameSelected(const QString& newName) {
    if (library_ == nullptr || choice_->currentIndex() < 0) {
        return Error::refused(tr("Choose a protocol first.").toStdString());
    }
    const QString from = choice_->currentData().toString();
    const Status s = library_->rename(from.toStdString(), newName.trimmed().toStdString());
    report(s, tr("Renamed “%1” to “%2”.").arg(from, newName.trimmed()));
    if (s) {
        reload(newName.trimmed());
    }
    return s;
}

Status ProtocolChooser::deleteSelected() {
    if (library_ == nullptr || choice_->currentIndex() < 0) {
        return Error::refused(tr("Choose a protocol first.").toStdString());
    }
    const QString name = choice_->currentData().toString();
    const Status s = library_->remove(name.toStdString());
    report(s, tr("Deleted “%1”.").arg(name));
    if (s) {
        reload();
    }
    return s;
}

void ProtocolChooser::askSave() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save protocol"), tr("Protocol name:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty()) {
        return;
    }
    Status s = saveCurrentAs(name, false);
    if (!s && s.error().kind == Error::Kind::Refused &&
        s.error().message.find("already saved") != std::string::npos &&
        QMessageBox::question(
            this, tr("Replace protocol"),
            tr("A protocol named “%1” is already saved. Replace it?").arg(name.trimmed())) ==
            QMessageBox::Yes) {
        (void)saveCurrentAs(name, true); // the result line says how it went
    }
}

void ProtocolChooser::askRename() {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename protocol"), tr("New name:"), QLineEdit::Normal,
                              choice_->currentData().toString(), &ok);
    if (ok && !name.trimmed().isEmpty()) {
        (void)renameSelected(name);
    }
}

void ProtocolChooser::askDelete() {
    if (QMessageBox::question(this, tr("Delete protocol"),
                              tr("Delete the protocol “%1”? Sessions keep their programs.")
                                  .arg(choice_->currentData().toString())) == QMessageBox::Yes) {
        (void)deleteSelected();
    }
}

} // namespace hepdesk::gui
