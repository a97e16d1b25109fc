#include "HandoutPage.h"

#include "HandoutPreview.h"
#include "KeyText.h"
#include "QtPainter.h"
#include "Vocabulary.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/handout/HandoutWriter.h"
#include "hepdesk/visit/OverrideReason.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPageSize>
#include <QPainter>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace hepdesk::gui {

HandoutPage::HandoutPage(const handout::HandoutWriter& writer, const Catalog& catalog,
                         QWidget* parent)
    : QWidget(parent), writer_(writer), catalog_(catalog) {
    setObjectName(QStringLiteral("handoutPage"));
    QtPainter::loadFonts();

    buildOptions();
    buildOverride();
    buildNotices();
    buildButtons();
    connectOptions();

    auto* form = new QFormLayout;
    auto* optionRow = new QHBoxLayout;
    optionRow->addWidget(language_);
    optionRow->addWidget(largePrint_);
    optionRow->addWidget(paper_);
    optionRow->addStretch(1);
    form->addRow(tr("Options:"), optionRow);
    auto* extrasRow = new QHBoxLayout;
    extrasRow->addWidget(exerciseLog_);
    extrasRow->addWidget(goals_);
    extrasRow->addStretch(1);
    form->addRow(tr("Add:"), extrasRow);
    auto* overrideRow = new QHBoxLayout;
    overrideRow->addWidget(overrideKind_);
    overrideRow->addWidget(override_, 1);
    form->addRow(overrideLabel_, overrideRow);
    form->addRow(QString(), clinicianCopy_);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(export_);
    buttons->addWidget(print_);
    buttons->addWidget(printPreview_);
    buttons->addStretch(1);

    preview_ = new HandoutPreview(this); // a whole page at a time, with zoom and pages

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(blocked_);
    layout->addWidget(undrawable_);
    layout->addLayout(buttons);
    layout->addWidget(preview_, 1);
    setOverrideRequired(false, {});
}

// The print options: language, large print, extra pages, paper.
void HandoutPage::buildOptions() {
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("handoutLanguage"));
    language_->setAccessibleName(tr("Handout language"));
    addLanguageItems(*language_);
    largePrint_ = new QCheckBox(tr("&Large print (18 pt)"), this);
    largePrint_->setObjectName(QStringLiteral("handoutLargePrint"));
    exerciseLog_ = new QCheckBox(tr("Exercise l&og page (two weeks to tick)"), this);
    exerciseLog_->setObjectName(QStringLiteral("handoutExerciseLog"));
    exerciseLog_->setToolTip(tr("Adds a last page: a tick box per exercise and day for two "
                                "weeks, a row for pain 0-10 and room for a note. The patient "
                                "brings it to the next visit."));
    goals_ = new QCheckBox(tr("&Your goals (the PSFS activities)"), this);
    goals_->setObjectName(QStringLiteral("handoutGoals"));
    goals_->setToolTip(tr("Prints \"Your goals\": the activities the patient named on the "
                          "Patient-Specific Functional Scale (step 1)."));
    paper_ = new QComboBox(this);
    paper_->setAccessibleName(tr("Paper size"));
    paper_->addItem(tr("A4"), static_cast<int>(handout::HandoutOptions::Paper::A4));
    paper_->addItem(tr("US Letter"), static_cast<int>(handout::HandoutOptions::Paper::Letter));
    if (QLocale().measurementSystem() == QLocale::ImperialUSSystem) {
        paper_->setCurrentIndex(1);
    }
}

// Why a handout is given despite a referral, and the clinician's copy that shows it.
void HandoutPage::buildOverride() {
    override_ = new QLineEdit(this);
    override_->setObjectName(QStringLiteral("overrideReason"));
    override_->setAccessibleName(tr("Override reason"));
    override_->setPlaceholderText(
        tr("Why a handout is given despite the referral (printed on the handout)"));
    override_->setMaxLength(500);
    overrideLabel_ = new QLabel(tr("O&verride reason:"), this);
    overrideKind_ = new QComboBox(this);
    overrideKind_->setObjectName(QStringLiteral("overrideKind"));
    overrideKind_->setAccessibleName(tr("Why the handout is given despite the referral"));
    overrideKind_->addItem(tr("Choose why…"), QString());
    overrideKind_->addItem(tr("Patient declines referral and was told the risk"),
                           QStringLiteral("declines_referral"));
    overrideKind_->addItem(tr("Already seen by a doctor for this today"),
                           QStringLiteral("seen_by_doctor_today"));
    overrideKind_->addItem(tr("Referral arranged, exercises agreed with the doctor"),
                           QStringLiteral("referral_arranged"));
    overrideKind_->addItem(tr("Other"), QStringLiteral("other"));
    overrideLabel_->setBuddy(overrideKind_);
    override_->setPlaceholderText(tr("In a sentence: what was said or agreed (kept in the "
                                     "record and on the clinician's copy, never the patient's)"));
    clinicianCopy_ = new QCheckBox(tr("Clinician's copy (with the override page; not given to "
                                      "the patient, not recorded)"),
                                   this);
    clinicianCopy_->setObjectName(QStringLiteral("clinicianCopy"));
}

// The notices above the preview: the handout is blocked, a figure cannot be drawn.
void HandoutPage::buildNotices() {
    blocked_ = new QLabel(this);
    blocked_->setObjectName(QStringLiteral("handoutBlocked"));
    blocked_->setWordWrap(true);
    blocked_->setTextFormat(Qt::PlainText);
    blocked_->setAutoFillBackground(true);
    blocked_->setMargin(8);
    QPalette bp = blocked_->palette();
    bp.setColor(QPalette::Window, QColor(0xFD, 0xEC, 0xEA));
    bp.setColor(QPalette::WindowText, QColor(0x7A, 0x00, 0x00));
    blocked_->setPalette(bp);

    undrawable_ = new QLabel(this);
    undrawable_->setObjectName(QStringLiteral("handoutUndrawable"));
    undrawable_->setWordWrap(true);
    undrawable_->setTextFormat(Qt::PlainText);
    undrawable_->setAutoFillBackground(true);
    undrawable_->setMargin(8);
    QPalette wp = undrawable_->palette();
    wp.setColor(QPalette::Window, QColor(0xFF, 0xF4, 0xD6));
    wp.setColor(QPalette::WindowText, QColor(0x5C, 0x3D, 0x00));
    undrawable_->setPalette(wp);
    undrawable_->hide();
}

void HandoutPage::buildButtons() {
    export_ = new QPushButton(tr("&Export PDF…"), this);
    export_->setObjectName(QStringLiteral("exportPdf"));
    export_->setToolTip(
        tr("Save the handout as a PDF (%1)").arg(keyText(QKeySequence(Qt::CTRL | Qt::Key_E))));
    print_ = new QPushButton(tr("&Print…"), this);
    print_->setObjectName(QStringLiteral("printHandout"));
    print_->setToolTip(tr("Print the handout (%1)").arg(keyText(QKeySequence::Print)));
    printPreview_ = new QPushButton(tr("Print previe&w…"), this); // Alt+V is the override
    printPreview_->setObjectName(QStringLiteral("printPreview"));
    printPreview_->setToolTip(tr("See the sheets as the printer gets them (%1)")
                                  .arg(keyText(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P))));
    connect(export_, &QPushButton::clicked, this, &HandoutPage::exportRequested);
    connect(print_, &QPushButton::clicked, this, &HandoutPage::printRequested);
    connect(printPreview_, &QPushButton::clicked, this, &HandoutPage::printPreviewRequested);
}

// An edited option lays the preview out again and tells the session editor.
void HandoutPage::connectOptions() {
    auto options = [this] {
        relayout();
        emit optionsEdited();
    };
    connect(language_, &QComboBox::currentIndexChanged, this, options);
    connect(largePrint_, &QCheckBox::toggled, this, options);
    connect(paper_, &QComboBox::currentIndexChanged, this, options);
    connect(override_, &QLineEdit::textEdited, this, options);
    connect(overrideKind_, &QComboBox::currentIndexChanged, this, options);
    // Chosen again at signing (stored in the snapshot); a draft's are a choice of the print.
    connect(exerciseLog_, &QCheckBox::toggled, this, &HandoutPage::extrasEdited);
    connect(goals_, &QCheckBox::toggled, this, &HandoutPage::extrasEdited);
    // The copy is a choice of this print, not of the session: not "unsaved".
    connect(clinicianCopy_, &QCheckBox::toggled, this, [this] { relayout(); });
}

void HandoutPage::setOverrideRequired(bool required, const QString& levelLabel) {
    overrideRequired_ = required;
    override_->setVisible(required);
    overrideKind_->setVisible(required);
    clinicianCopy_->setVisible(required);
    overrideLabel_->setVisible(required);
    overrideLabel_->setText(required ? tr("O&verride reason (%1):").arg(levelLabel)
                                     : tr("O&verride reason:"));
    relayout();
}

void HandoutPage::setOptions(const std::string& lang, bool largePrint,
                             const std::string& overrideReason, const std::string& overrideKind) {
    const QSignalBlocker b1(language_);
    const QSignalBlocker b2(largePrint_);
    const QSignalBlocker b3(overrideKind_);
    overrideKind_->setCurrentIndex(
        std::max(0, overrideKind_->findData(QString::fromStdString(overrideKind))));
    language_->setCurrentIndex(std::max(0, language_->findData(QString::fromStdString(lang))));
    largePrint_->setChecked(largePrint);
    override_->setText(QString::fromStdString(overrideReason));
    relayout();
}

void HandoutPage::setPaper(handout::HandoutOptions::Paper paper) {
    const QSignalBlocker b(paper_);
    paper_->setCurrentIndex(std::max(0, paper_->findData(static_cast<int>(paper))));
    relayout();
}

void HandoutPage::setUnavailable(const QString& reason) {
    unavailable_ = reason;
    relayout();
}

void HandoutPage::setReadOnly(bool readOnly) {
    readOnly_ = readOnly;
    // A signed session's handout can be re-exported and printed, never changed.
    language_->setEnabled(!readOnly);
    largePrint_->setEnabled(!readOnly);
    paper_->setEnabled(!readOnly);
    override_->setReadOnly(readOnly);
    overrideKind_->setEnabled(!readOnly);
    exerciseLog_->setEnabled(!readOnly);
    goals_->setEnabled(!readOnly);
}

visit::HandoutExtras HandoutPage::extras() const {
    return {exerciseLog_->isChecked(), goals_->isChecked()};
}

void HandoutPage::setExtras(const visit::HandoutExtras& extras) {
    const QSignalBlocker b1(exerciseLog_);
    const QSignalBlocker b2(goals_);
    exerciseLog_->setChecked(extras.exerciseLog);
    goals_->setChecked(extras.goals);
}

void HandoutPage::setRequest(handout::HandoutRequest request) {
    request_ = std::move(request);
    unavailable_.clear();
    relayout();
}

handout::HandoutRequest HandoutPage::request() const {
    handout::HandoutRequest r = request_;
    // The clinician's copy changes nothing the patient was given: a signed session too.
    r.options.clinicianCopy = overrideRequired_ && clinicianCopy_->isChecked();
    if (readOnly_) {
        return r; // a signed session reprints exactly as signed
    }
    r.options.lang = language_->currentData().toString().toStdString();
    r.options.largePrint = largePrint_->isChecked();
    r.options.paper = static_cast<handout::HandoutOptions::Paper>(paper_->currentData().toInt());
    const std::string sentence = overrideSentence();
    // The record's text, as the visit layer makes it: "<kind>: <sentence>".
    r.overrideReason = !overrideRequired_ || sentence.empty()
                           ? std::string()
                           : visit::overrideText(overrideKind(), sentence, r.options.lang);
    return r;
}

std::string HandoutPage::overrideKind() const {
    return overrideKind_->currentData().toString().toStdString();
}

std::string HandoutPage::overrideSentence() const {
    return overrideRequired_ ? override_->text().trimmed().toStdString() : std::string();
}

void HandoutPage::relayout() {
    QElapsedTimer timer;
    timer.start();
    const handout::HandoutRequest r = request();
    blockedReason_ = unavailable_;
    QString undrawable;
    if (!blockedReason_.isEmpty()) {
        // nothing to lay out
    } else if (r.program.items.empty()) {
        blockedReason_ = tr("Add at least one exercise (step 2) to make a handout.");
    } else if (overrideRequired_ && r.overrideReason.empty()) {
        blockedReason_ = tr("No handout yet: the screening calls for a medical referral first. "
                            "Refer the patient as the banner says. If you still give exercises, "
                            "choose why above and say it in a sentence; the patient's copy then "
                            "opens with what the triage means for them.");
    } else if (overrideRequired_ && !readOnly_) {
        // The same test as the command line's: a kind from the list and real words, not "x".
        if (auto st = visit::checkOverride(overrideKind(), overrideSentence()); !st) {
            blockedReason_ = QString::fromStdString(st.error().message);
        }
    }
    if (blockedReason_.isEmpty()) {
        auto laid = writer_.layout(r, catalog_.entries());
        if (!laid) {
            // The core's refusal (an excluded exercise, a missing override) is the reason.
            blockedReason_ = QString::fromStdString(laid.error().message);
        } else {
            if (!laid->undrawable.empty()) {
                // Export still works (the clinician decides), but never without being told.
                undrawable =
                    tr("The handout's font cannot draw some characters; they show as empty "
                       "boxes in the PDF. Check them with the patient (a name may be written in "
                       "Latin letters): %1")
                        .arg(QString::fromStdString(handout::describeUndrawable(laid->undrawable)));
            }
            preview_->setPages(std::move(laid->pages));
        }
    }
    if (!blockedReason_.isEmpty()) {
        // The reason is said once, in the notice above; the preview does not repeat it.
        preview_->setMessage(tr("No handout to show yet."));
    }
    blocked_->setText(blockedReason_);
    blocked_->setVisible(!blockedReason_.isEmpty());
    undrawable_->setText(undrawable);
    undrawable_->setVisible(!undrawable.isEmpty());
    export_->setEnabled(blockedReason_.isEmpty() && !exporting_);
    print_->setEnabled(blockedReason_.isEmpty());
    printPreview_->setEnabled(blockedReason_.isEmpty());
    preview_->repaint();
    lastRedrawMs_ = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

void HandoutPage::setExporting(bool exporting) {
    exporting_ = exporting;
    export_->setEnabled(blockedReason_.isEmpty() && !exporting_);
}

Status HandoutPage::printTo(QPrinter& printer) {
    if (!canExport()) {
        return Error::refused(blockedReason_.toStdString());
    }
    auto laid = writer_.layout(request(), catalog_.entries());
    if (!laid) {
        return laid.error();
    }
    QPainter p;
    if (!p.begin(&printer)) {
        return Error::io(tr("The printer could not be started; check that it is connected and "
                            "try again.")
                             .toStdString());
    }
    // The painter's origin is the corner of the printable area; a page of another shape than
    // the sheet (an A4 handout on Letter paper) is scaled evenly and centred, never stretched.
    const QRectF area =
        QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            .translated(-printer.pageLayout().paintRectPixels(printer.resolution()).topLeft());
    QtPainter painter(p, [&printer, area](int index, double width, double height) {
        if (index > 0) {
            printer.newPage();
        }
        const double scale = std::min(area.width() / width, area.height() / height);
        const QSizeF size(width * scale, height * scale);
        return QRectF(QPointF(area.left() + (area.width() - size.width()) / 2, area.top()), size);
    });
    handout::paintPages(laid->pages, painter);
    if (!p.end()) {
        return Error::io("The printer stopped before the last page; check it and print again.");
    }
    return {};
}

void HandoutPage::preparePrinter(QPrinter& printer) const {
    const handout::HandoutRequest r = request();
    printer.setPageSize(QPageSize(r.options.paper == handout::HandoutOptions::Paper::Letter
                                      ? QPageSize::Letter
                                      : QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Portrait);
    printer.setFullPage(true);
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    printer.setDocName(tr("Home exercise program — %1").arg(QString::fromStdString(r.patientName)));
}

} // namespace hepdesk::gui
