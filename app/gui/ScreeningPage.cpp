#include "ScreeningPage.h"

#include "CatalogModel.h"
#include "DateText.h"
#include "PsfsForm.h"
#include "UiLanguage.h"
#include "hepdesk/core/Clock.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QStyleOptionButton>
#include <QStylePainter>
#include <QVBoxLayout>
#include <algorithm>

namespace hepdesk::gui {
namespace {

/// A questionnaire answer changes only when it has the focus: the mouse wheel over the column
/// scrolls it instead of silently changing answers on the way.
class WheelScrollsPast final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Wheel) {
            auto* w = qobject_cast<QWidget*>(watched);
            if (w != nullptr && !w->hasFocus()) {
                event->ignore(); // on to the scroll area
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

/// A check box whose text wraps to the width it is given (a QCheckBox keeps its text on one
/// line, as wide as the text): a long red flag takes two lines on a laptop screen instead of
/// widening the column past it. Clicking the text ticks it, as with a QCheckBox.
class WrappingCheckBox final : public QCheckBox {
public:
    WrappingCheckBox(const QString& text, QWidget* parent) : QCheckBox(text, parent) {
        // A QCheckBox never shrinks below its one-line text (Minimum); this one may.
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Minimum);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    [[nodiscard]] QSize minimumSizeHint() const override {
        // About 18 characters of text: narrower than a useful line, never a column of words.
        return {textLeft() + fontMetrics().averageCharWidth() * 18, lineHeight()};
    }
    [[nodiscard]] QSize sizeHint() const override {
        const int w = QCheckBox::sizeHint().width();
        return {w, heightForWidth(w)};
    }
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int width) const override {
        const QRect r = textRect(width, 1 << 20);
        return std::max(lineHeight(), r.top() + r.height() + (lineHeight() - fontHeight()) / 2);
    }

protected:
    void paintEvent(QPaintEvent* /*event*/) override {
        QStylePainter p(this);
        QStyleOptionButton opt;
        initStyleOption(&opt);
        opt.text.clear();
        // The box beside the first line, not in the middle of a wrapped text.
        opt.rect.setHeight(lineHeight());
        QStyleOptionButton box = opt;
        box.rect = style()->subElementRect(QStyle::SE_CheckBoxIndicator, &opt, this);
        p.drawPrimitive(QStyle::PE_IndicatorCheckBox, box);
        const QRect t = textRect(width(), height());
        style()->drawItemText(&p, t, kTextFlags, palette(), isEnabled(), text(),
                              QPalette::WindowText);
        if (hasFocus()) {
            QStyleOptionFocusRect focus;
            focus.initFrom(this);
            focus.rect = fontMetrics()
                             .boundingRect(t, kTextFlags, text())
                             .adjusted(-2, 0, 2, 0)
                             .intersected(rect());
            p.drawPrimitive(QStyle::PE_FrameFocusRect, focus);
        }
    }
    [[nodiscard]] bool hitButton(const QPoint& pos) const override { return rect().contains(pos); }

private:
    static constexpr int kTextFlags =
        Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap | Qt::TextShowMnemonic;

    /// One line's height as the style sizes a check box (QCheckBox::minimumSizeHint would call
    /// back into sizeHint).
    [[nodiscard]] int lineHeight() const {
        QStyleOptionButton opt;
        initStyleOption(&opt);
        return style()
            ->sizeFromContents(QStyle::CT_CheckBox, &opt, QSize(textLeft(), fontHeight()), this)
            .height();
    }
    [[nodiscard]] int fontHeight() const { return fontMetrics().height(); }
    [[nodiscard]] int textLeft() const {
        return style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, this) +
               style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, this);
    }
    /// Where the text goes in a box `width` wide: beside the indicator, its first line level
    /// with it, as tall as the wrapped text needs (at most `height`).
    [[nodiscard]] QRect textRect(int width, int height) const {
        const int top = (lineHeight() - fontHeight()) / 2;
        const QRect room(textLeft(), top, std::max(1, width - textLeft()), height - top);
        return fontMetrics()
            .boundingRect(room, kTextFlags, text())
            .united(QRect(room.topLeft(), QSize(room.width(), fontHeight())));
    }
};

constexpr int kUnanswered = -1;

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString riskText(StartBackRisk r) {
    switch (r) {
    case StartBackRisk::High:
        return QObject::tr("high risk");
    case StartBackRisk::Medium:
        return QObject::tr("medium risk");
    case StartBackRisk::Low:
        break;
    }
    return QObject::tr("low risk");
}

/// The band's clinician label in the interface language ("moderate disability").
QString bandText(const DisabilityInstrument& instrument, const std::string& id) {
    for (const Band& b : instrument.bands) {
        if (b.id == id) {
            return QString::fromStdString(b.clinicianLabel.text(uiLanguage())).toLower();
        }
    }
    return CatalogModel::humanize(id).toLower();
}

QString disabilityText(const char* name, const std::optional<DisabilityScore>& d,
                       const DisabilityInstrument& instrument) {
    if (!d) {
        return QObject::tr("%1: not recorded").arg(QString::fromLatin1(name));
    }
    QString s = QObject::tr("%1: %2 % (%3 of 10 answered), %4")
                    .arg(QString::fromLatin1(name), QLocale().toString(d->percent, 'f', 1))
                    .arg(d->answered)
                    .arg(bandText(instrument, d->band));
    if (!d->reliable) {
        s += QObject::tr(" — unreliable: too few answered");
    }
    return s;
}

/// `title` with a mnemonic on the first word's initial not in `used` (else any such letter),
/// which is then added to `used`; the title's own ampersands are kept as text.
QString withMnemonic(const QString& title, QString& used) {
    auto mark = [&](qsizetype at) {
        used += title[at].toLower();
        QString out = title;
        out.replace(QLatin1Char('&'), QStringLiteral("&&"));
        // Ampersands before `at` were doubled: shift the position by their count.
        const qsizetype shift = title.left(at).count(QLatin1Char('&'));
        return out.insert(at + shift, QLatin1Char('&'));
    };
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype i = 0; i < title.size(); ++i) {
            const bool initial = i == 0 || !title[i - 1].isLetterOrNumber();
            if (title[i].isLetterOrNumber() && (pass == 1 || initial) &&
                !used.contains(title[i].toLower())) {
                return mark(i);
            }
        }
    }
    QString plain = title;
    return plain.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace

ScreeningPage::ScreeningPage(const ScreeningItems& items, QWidget* parent)
    : QWidget(parent), items_(items) {
    setObjectName(QStringLiteral("screeningPage"));
    auto* content = new QWidget;
    columns_ = new QBoxLayout(QBoxLayout::LeftToRight, content);
    leftColumn_ = new QWidget(content);
    auto* left = new QVBoxLayout(leftColumn_);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(buildPatientAndPain());
    left->addWidget(buildFindings(), 1);
    // The clinician's notes near the top, under the patient and pain, not below every flag.
    left->insertWidget(1, notes_);
    columns_->addWidget(leftColumn_, 1);
    rightColumn_ = buildQuestionnaires();
    columns_->addWidget(rightColumn_, 1);

    auto* scroll = new QScrollArea(this);
    scroll_ = scroll;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The scroll area follows Tab by itself, not Alt+letter: scroll to whatever gets the focus
    // so the box about to be ticked is on screen.
    connect(qApp, &QApplication::focusChanged, this, [scroll](QWidget*, QWidget* now) {
        if (now != nullptr && scroll->widget()->isAncestorOf(now)) {
            scroll->ensureWidgetVisible(now);
        }
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Above the form, so a contradiction is seen wherever the clinician is scrolled to.
    checks_ = new QLabel(this);
    checks_->setObjectName(QStringLiteral("screeningChecks"));
    checks_->setWordWrap(true);
    checks_->setTextFormat(Qt::PlainText);
    checks_->hide();
    layout->addWidget(checks_);
    layout->addWidget(scroll);
    date_ = isoDate(Clock::current().now());
    updateNdiVisibility();
}

QWidget* ScreeningPage::buildPatientAndPain() {
    auto* box = new QGroupBox(tr("Patient and pain"));
    auto* form = new QFormLayout(box);
    age_ = new QSpinBox(box);
    age_->setRange(0, 120);
    age_->setSpecialValueText(tr("not recorded"));
    age_->setAccessibleName(tr("Age"));
    sex_ = new QComboBox(box);
    sex_->setAccessibleName(tr("Sex"));
    for (Sex s : {Sex::Unspecified, Sex::Female, Sex::Male, Sex::Other}) {
        sex_->addItem(CatalogModel::humanize(std::string(toId(s))), static_cast<int>(s));
    }
    // Created in the order they are shown, which is the order Tab visits them.
    auto* regionRow = new QHBoxLayout;
    for (Region r : kRegions) {
        auto* c = new QCheckBox(CatalogModel::humanize(std::string(toId(r))), box);
        c->setObjectName(QStringLiteral("region_") + fromView(toId(r)));
        regions_[r] = c;
        regionRow->addWidget(c);
        connect(c, &QCheckBox::toggled, this, &ScreeningPage::changed);
    }
    duration_ = new QSpinBox(box);
    duration_->setRange(0, 36500);
    duration_->setSuffix(tr(" days"));
    duration_->setSpecialValueText(tr("not recorded"));
    duration_->setAccessibleName(tr("Duration of symptoms in days"));
    auto* regionLabel = new QLabel(tr("Painful &regions:"), box);
    regionLabel->setBuddy(regions_.at(Region::Neck)); // Alt+R, then Right to the next region
    // A check on a field shows beside it (age under 16, an ODI without low back pain...).
    const auto withCheck = [this, box](QWidget* field, const char* id) {
        auto* row = new QHBoxLayout;
        row->addWidget(field);
        row->addWidget(newFieldCheck(id, box), 1);
        return row;
    };
    regionRow->addWidget(newFieldCheck("regions", box), 1);
    // Late entry: a visit recorded afterwards gets the time it took place (the visit layer
    // refuses a future time or one before the birth date, and audits the change).
    visitTime_ = new QDateTimeEdit(box);
    visitTime_->setObjectName(QStringLiteral("visitTime"));
    visitTime_->setDisplayFormat(dateTimeEditFormat());
    visitTime_->setCalendarPopup(true);
    visitTime_->setTimeSpec(Qt::LocalTime);
    visitTime_->setAccessibleName(tr("Visit date and time (late entry)"));
    visitTime_->setToolTip(tr("When the visit took place. Change it only for a visit recorded "
                              "afterwards; the change is kept in the audit log."));
    visitTimeProblem_ = new QLabel(box);
    visitTimeProblem_->setObjectName(QStringLiteral("visitTimeProblem"));
    visitTimeProblem_->setWordWrap(true);
    visitTimeProblem_->setStyleSheet(QStringLiteral("color: #b3261e;"));
    visitTimeProblem_->hide();
    auto* visitRow = new QVBoxLayout;
    visitRow->addWidget(visitTime_);
    visitRow->addWidget(visitTimeProblem_);
    auto* visitLabel = new QLabel(tr("&Visit date and time (late entry):"), box);
    visitLabel->setWordWrap(true);
    visitLabel->setBuddy(visitTime_);
    form->addRow(visitLabel, visitRow);
    connect(visitTime_, &QDateTimeEdit::editingFinished, this, [this] {
        const QString utc = visitTime_->dateTime().toUTC().toString(Qt::ISODate);
        if (!loading_ && utc != shownVisitTime_) {
            emit visitTimeEdited(utc);
        }
    });
    // A row whose field sits in a layout gets no buddy from QFormLayout: set it, so the
    // Alt+letter works and the label shows no literal '&'.
    const auto buddyLabel = [box](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, box);
        label->setBuddy(field);
        return label;
    };
    form->addRow(buddyLabel(tr("A&ge:"), age_), withCheck(age_, "age"));
    form->addRow(buddyLabel(tr("Se&x:"), sex_), withCheck(sex_, "sex"));
    form->addRow(regionLabel, regionRow);
    form->addRow(buddyLabel(tr("&Duration:"), duration_), withCheck(duration_, "duration_days"));
    connect(age_, &QSpinBox::valueChanged, this, &ScreeningPage::changed);
    connect(sex_, &QComboBox::currentIndexChanged, this, &ScreeningPage::changed);
    connect(duration_, &QSpinBox::valueChanged, this, &ScreeningPage::changed);

    const QString names[3] = {tr("Pain now"), tr("Pain at best"), tr("Pain at worst")};
    const char* const painFields[3] = {"pain_now", "pain_best", "pain_worst"};
    for (int i = 0; i < 3; ++i) {
        painRecorded_[i] = new QCheckBox(names[i], box);
        painRecorded_[i]->setObjectName(QStringLiteral("painRecorded%1").arg(i));
        pain_[i] = new QSlider(Qt::Horizontal, box);
        pain_[i]->setObjectName(QStringLiteral("pain%1").arg(i));
        pain_[i]->setRange(0, 10);
        pain_[i]->setPageStep(1);
        pain_[i]->setTickPosition(QSlider::TicksBelow);
        pain_[i]->setTickInterval(1);
        pain_[i]->setEnabled(false);
        pain_[i]->setAccessibleName(names[i] + tr(" (0 to 10)"));
        painValue_[i] = new QLabel(tr("—"), box);
        painValue_[i]->setMinimumWidth(
            painValue_[i]->fontMetrics().horizontalAdvance(QStringLiteral("10/10")));
        auto* row = new QHBoxLayout;
        row->addWidget(pain_[i], 1);
        row->addWidget(painValue_[i]);
        form->addRow(painRecorded_[i], row);
        // Under its slider: the row has no room beside it.
        form->addRow(QString(), newFieldCheck(painFields[i], box));
        connect(painRecorded_[i], &QCheckBox::toggled, this, [this, i](bool on) {
            pain_[i]->setEnabled(on);
            painValue_[i]->setText(on ? tr("%1/10").arg(pain_[i]->value()) : tr("—"));
            changed();
        });
        connect(pain_[i], &QSlider::valueChanged, this, [this, i](int v) {
            painValue_[i]->setText(tr("%1/10").arg(v));
            changed();
        });
    }
    return box;
}

QWidget* ScreeningPage::buildFindings() {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    // Alt+letter jumps to a group's first check box (Space ticks it, Tab or Right goes on).
    // The letters avoid the ones the session window already uses while this step shows, in
    // the interface language: its steps (1-4) and Save, and this page's visit time, Age, Sex,
    // regions and Duration.
    QString usedLetters = QStringLiteral("1234");
    for (const QString& label :
         {tr("&Visit date and time (late entry):"), tr("A&ge:"), tr("Se&x:"),
          tr("Painful &regions:"), tr("&Duration:"),
          QCoreApplication::translate("hepdesk::gui::SessionEditor", "&Save")}) {
        if (const qsizetype at = label.indexOf(QLatin1Char('&'));
            at >= 0 && at + 1 < label.size()) {
            usedLetters += label[at + 1].toLower();
        }
    }
    layout->addWidget(newFieldCheck("findings", box));
    const std::string lang = uiLanguage();
    for (const FindingGroup& group : items_.groups()) {
        auto* g = new QGroupBox(
            withMnemonic(QString::fromStdString(group.clinicianLabel.text(lang)), usedLetters),
            box);
        g->setObjectName(QStringLiteral("group_") + QString::fromStdString(group.id));
        auto* col = new QVBoxLayout(g);
        col->setSpacing(2);
        for (const FindingItem& f : items_.findings()) {
            if (f.group != group.id) {
                continue;
            }
            auto* c = new WrappingCheckBox(QString::fromStdString(f.clinicianLabel.text(lang)), g);
            c->setObjectName(QStringLiteral("finding_") + QString::fromStdString(f.id));
            c->setToolTip(QString::fromStdString(f.patientLabel.text(lang)));
            findings_[f.id] = c;
            auto* mark = new QLabel(tr("from the last visit, confirm"), g);
            mark->setObjectName(QStringLiteral("carried_") + QString::fromStdString(f.id));
            mark->setToolTip(tr("A lasting condition recorded at the last visit. Ask the patient "
                                "whether it still applies; untick it if not."));
            QFont italic = mark->font();
            italic.setItalic(true);
            mark->setFont(italic);
            mark->setWordWrap(true);
            mark->setVisible(false);
            carried_[f.id] = mark;
            auto* row = new QHBoxLayout;
            row->addWidget(c);
            row->addWidget(mark);
            row->addStretch(1);
            col->addLayout(row);
            connect(c, &QCheckBox::toggled, this, &ScreeningPage::changed);
            connect(c, &QCheckBox::toggled, mark, [mark](bool on) {
                if (!on) {
                    mark->setVisible(false);
                }
            });
        }
        layout->addWidget(g);
    }
    notes_ = new QPlainTextEdit(box);
    notes_->setObjectName(QStringLiteral("screeningNotes"));
    notes_->setPlaceholderText(tr("Clinician notes (not printed on the handout)"));
    notes_->setAccessibleName(tr("Clinician notes"));
    notes_->setTabChangesFocus(true);
    notes_->setMaximumHeight(notes_->fontMetrics().lineSpacing() * 5);
    connect(notes_, &QPlainTextEdit::textChanged, this, &ScreeningPage::changed);
    layout->addWidget(notes_);
    layout->addStretch(1);
    return box;
}

QComboBox* ScreeningPage::answerBox(const QuestionItem& q, bool startBack) {
    auto* c = new QComboBox;
    c->setAccessibleName(QString::fromStdString(q.clinicianLabel.text(uiLanguage())));
    c->setFocusPolicy(Qt::StrongFocus); // the wheel does not take the focus
    if (wheelFilter_ == nullptr) {
        wheelFilter_ = new WheelScrollsPast(this);
    }
    c->installEventFilter(wheelFilter_);
    c->addItem(tr("—"), kUnanswered);
    if (startBack && q.maxAnswer == 1) {
        c->addItem(tr("Disagree"), 0);
        c->addItem(tr("Agree"), 1);
    } else if (startBack && q.maxAnswer == 4) {
        const QString labels[5] = {tr("Not at all"), tr("Slightly"), tr("Moderately"),
                                   tr("Very much"), tr("Extremely")};
        for (int v = 0; v <= 4; ++v) {
            c->addItem(labels[v], v);
        }
    } else {
        // ODI/NDI: the number with its statement (our paraphrase), never a bare 0-5.
        for (int v = 0; v <= q.maxAnswer; ++v) {
            const auto at = static_cast<std::size_t>(v);
            c->addItem(at < q.answers.size()
                           ? QStringLiteral("%1 – %2").arg(v).arg(
                                 QString::fromStdString(q.answers[at].text(uiLanguage())))
                           : QString::number(v),
                       v);
        }
    }
    if (!q.answers.empty()) {
        // The statements are long: the box stays narrow (its tooltip and list show them whole).
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(16);
        c->view()->setMinimumWidth(c->view()->sizeHintForColumn(0) + 24);
        connect(c, &QComboBox::currentIndexChanged, c,
                [c] { c->setToolTip(c->currentIndex() > 0 ? c->currentText() : QString()); });
    }
    connect(c, &QComboBox::currentIndexChanged, this, &ScreeningPage::changed);
    return c;
}

QWidget* ScreeningPage::buildQuestionnaires() {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    struct Form {
        QString title;
        const std::vector<QuestionItem>* items;
        std::map<std::string, QComboBox*>* boxes;
        QLabel** score;
        bool startBack;
        const char* prefix;
        const char* field;
    };
    const Form forms[] = {
        {tr("STarT Back (agree or disagree; last item: how bothersome)"), &items_.startBackItems(),
         &startBack_, &startBackScore_, true, "sb_", "start_back"},
        {tr("Oswestry Disability Index (low back; each section 0–5, skip if not asked)"),
         &items_.odi().sections, &odi_, &odiScore_, false, "odi_", "odi"},
        {tr("Neck Disability Index (each item 0–5, skip if not asked)"), &items_.ndi().sections,
         &ndi_, &ndiScore_, false, "ndi_", "ndi"},
    };
    for (const Form& f : forms) {
        auto* g = new QGroupBox(f.title, box);
        auto* grid = new QFormLayout(g);
        grid->setVerticalSpacing(2);
        for (const QuestionItem& q : *f.items) {
            QComboBox* c = answerBox(q, f.startBack);
            c->setParent(g);
            c->setObjectName(QString::fromLatin1(f.prefix) + QString::fromStdString(q.id));
            (*f.boxes)[q.id] = c;
            grid->addRow(QStringLiteral("%1. %2").arg(q.number).arg(
                             QString::fromStdString(q.clinicianLabel.text(uiLanguage()))),
                         c);
        }
        *f.score = new QLabel(g);
        (*f.score)->setObjectName(QString::fromLatin1(f.prefix) + QStringLiteral("score"));
        QFont bold = (*f.score)->font();
        bold.setBold(true);
        (*f.score)->setFont(bold);
        (*f.score)->setWordWrap(true);
        grid->addRow(*f.score);
        grid->addRow(newFieldCheck(f.field, g));
        layout->addWidget(g);
        if (f.boxes == &ndi_) {
            ndiGroup_ = g;
        }
    }
    psfs_ = new PsfsForm(box);
    connect(psfs_, &PsfsForm::changed, this, &ScreeningPage::changed);
    layout->addWidget(psfs_);
    layout->addStretch(1);
    return box;
}

void ScreeningPage::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateColumns();
}

void ScreeningPage::updateColumns() {
    if (scroll_ == nullptr) {
        return; // still being built
    }
    // The column's width when the vertical bar shows (the form is taller than a laptop screen).
    const int available =
        scroll_->maximumViewportSize().width() - scroll_->verticalScrollBar()->sizeHint().width();
    const QMargins m = columns_->contentsMargins();
    const int sideBySide = leftColumn_->minimumSizeHint().width() +
                           rightColumn_->minimumSizeHint().width() + columns_->spacing() +
                           m.left() + m.right();
    const auto direction =
        available >= sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (columns_->direction() != direction) {
        columns_->setDirection(direction);
    }
}

void ScreeningPage::updateNdiVisibility() {
    // The NDI is for neck pain: shown when the neck is a painful region, or when it holds
    // answers (never hide what is recorded).
    if (ndiGroup_ == nullptr || !regions_.contains(Region::Neck)) {
        return; // still being built
    }
    const bool answered = std::any_of(ndi_.begin(), ndi_.end(), [](const auto& entry) {
        return entry.second->currentData().toInt() != kUnanswered;
    });
    ndiGroup_->setVisible(regions_.at(Region::Neck)->isChecked() || answered);
    updateColumns(); // the NDI may be the widest part of its column
}

void ScreeningPage::changed() {
    updateNdiVisibility();
    if (!loading_) {
        emit screeningChanged();
    }
}

Screening ScreeningPage::screening() const {
    Screening s;
    s.date = date_;
    if (age_->value() > 0) {
        s.age = age_->value();
    }
    s.sex = static_cast<Sex>(sex_->currentData().toInt());
    for (const auto& [r, box] : regions_) {
        if (box->isChecked()) {
            s.regions.push_back(r);
        }
    }
    std::optional<int>* pain[3] = {&s.pain.now, &s.pain.best, &s.pain.worst};
    for (int i = 0; i < 3; ++i) {
        if (painRecorded_[i]->isChecked()) {
            *pain[i] = pain_[i]->value();
        }
    }
    if (duration_->value() > 0) {
        s.durationDays = duration_->value();
    }
    for (const auto& [id, box] : findings_) {
        if (box->isChecked()) {
            s.findings.insert(id);
        }
    }
    auto collect = [](const std::map<std::string, QComboBox*>& boxes,
                      std::map<std::string, int>& out) {
        for (const auto& [id, box] : boxes) {
            if (const int v = box->currentData().toInt(); v != kUnanswered) {
                out[id] = v;
            }
        }
    };
    collect(startBack_, s.startBack);
    collect(odi_, s.odi);
    collect(ndi_, s.ndi);
    s.notes = notes_->toPlainText().toStdString();
    psfs_->fill(s);
    return s;
}

void ScreeningPage::setScreening(const Screening& s) {
    loading_ = true;
    if (!s.date.empty()) {
        date_ = s.date;
    }
    age_->setValue(s.age.value_or(0));
    sex_->setCurrentIndex(std::max(0, sex_->findData(static_cast<int>(s.sex))));
    for (const auto& [r, box] : regions_) {
        box->setChecked(std::find(s.regions.begin(), s.regions.end(), r) != s.regions.end());
    }
    const std::optional<int> pain[3] = {s.pain.now, s.pain.best, s.pain.worst};
    for (int i = 0; i < 3; ++i) {
        painRecorded_[i]->setChecked(pain[i].has_value());
        pain_[i]->setValue(pain[i].value_or(0));
        pain_[i]->setEnabled(pain[i].has_value() && painRecorded_[i]->isEnabled());
        painValue_[i]->setText(pain[i] ? tr("%1/10").arg(*pain[i]) : tr("—"));
    }
    duration_->setValue(s.durationDays.value_or(0));
    for (const auto& [id, box] : findings_) {
        box->setChecked(s.findings.contains(id));
    }
    auto fill = [](const std::map<std::string, QComboBox*>& boxes,
                   const std::map<std::string, int>& in) {
        for (const auto& [id, box] : boxes) {
            auto it = in.find(id);
            box->setCurrentIndex(
                std::max(0, box->findData(it != in.end() ? it->second : kUnanswered)));
        }
    };
    fill(startBack_, s.startBack);
    fill(odi_, s.odi);
    fill(ndi_, s.ndi);
    notes_->setPlainText(QString::fromStdString(s.notes));
    psfs_->set(s);
    loading_ = false;
    updateNdiVisibility();
}

QLabel* ScreeningPage::newFieldCheck(const std::string& field, QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setObjectName(QStringLiteral("check_") + QString::fromStdString(field));
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->hide();
    fieldChecks_[field] = l;
    return l;
}

QLabel* ScreeningPage::fieldCheck(const std::string& field) const {
    auto it = fieldChecks_.find(field);
    return it != fieldChecks_.end() ? it->second : nullptr;
}

void ScreeningPage::showChecks(const std::vector<ScreeningIssue>& issues) {
    // The rules are core's (templates/rules/screening_checks.json): this only places them.
    QStringList contradictions;
    std::map<std::string, QStringList> byField;
    std::map<std::string, bool> refusedField;
    const std::string lang = uiLanguage();
    for (const ScreeningIssue& issue : issues) {
        const bool refuse = issue.check->effect == ScreeningCheck::Effect::Refuse;
        const QString line = (refuse ? QStringLiteral("\u26D4 ") : QStringLiteral("\u26A0 ")) +
                             QString::fromStdString(issue.text(lang));
        if (refuse) {
            contradictions << line;
        }
        for (const std::string& field : issue.check->fields) {
            byField[field] << line;
            refusedField[field] = refusedField[field] || refuse;
        }
    }
    contradiction_ = !contradictions.empty();
    if (contradiction_) {
        contradictions.prepend(tr("The screening contradicts itself. Correct it here: the "
                                  "exercises, the handout and signing wait until it is fixed."));
    }
    checks_->setText(contradictions.join(QLatin1Char('\n')));
    checks_->setProperty("contradiction", contradiction_);
    checks_->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
    checks_->setVisible(contradiction_);
    for (const auto& [field, label] : fieldChecks_) {
        const auto it = byField.find(field);
        const bool shown = it != byField.end();
        const bool refuse = shown && refusedField[field];
        label->setText(shown ? it->second.join(QLatin1Char('\n')) : QString());
        label->setProperty("contradiction", refuse);
        label->setStyleSheet(refuse ? QStringLiteral("color: #a00000; font-weight: bold;")
                                    : QStringLiteral("color: #7a5200;"));
        label->setVisible(shown);
    }
}

void ScreeningPage::showScores(const OutcomeScores& scores) {
    if (scores.startBack) {
        const StartBackScore& sb = *scores.startBack;
        QString text = tr("STarT Back: total %1 of 9, psychosocial %2 of 5 — %3")
                           .arg(sb.total)
                           .arg(sb.psychosocial)
                           .arg(riskText(sb.risk));
        if (!sb.complete()) {
            text += tr(" (%1 of 9 answered)").arg(sb.answered);
        }
        startBackScore_->setText(text);
    } else {
        startBackScore_->setText(tr("STarT Back: not recorded"));
    }
    odiScore_->setText(disabilityText("ODI", scores.odi, items_.odi()));
    ndiScore_->setText(disabilityText("NDI", scores.ndi, items_.ndi()));
    psfs_->showScore(scores.psfs);
}

QString ScreeningPage::scoresText() const {
    return startBackScore_->text() + QLatin1Char('\n') + odiScore_->text() + QLatin1Char('\n') +
           ndiScore_->text();
}

void ScreeningPage::setVisitTime(const std::string& utc) {
    const QDateTime t = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODate);
    if (!t.isValid()) {
        return;
    }
    loading_ = true;
    visitTime_->setDateTime(t.toLocalTime());
    shownVisitTime_ = visitTime_->dateTime().toUTC().toString(Qt::ISODate);
    loading_ = false;
}

void ScreeningPage::showVisitTimeProblem(const QString& text) {
    visitTimeProblem_->setText(text);
    visitTimeProblem_->setVisible(!text.isEmpty());
}

void ScreeningPage::setVisitDay(const std::string& date, std::optional<int> age) {
    loading_ = true;
    date_ = date;
    if (age) {
        age_->setValue(*age);
    }
    loading_ = false;
}

void ScreeningPage::setReadOnly(bool readOnly) {
    visitTime_->setEnabled(!readOnly);
    // Disabled rather than hidden: a signed session still shows every answer.
    for (QWidget* w : findChildren<QWidget*>()) {
        if (qobject_cast<QCheckBox*>(w) || qobject_cast<QComboBox*>(w) ||
            qobject_cast<QSpinBox*>(w)) {
            w->setEnabled(!readOnly);
        }
    }
    for (int i = 0; i < 3; ++i) {
        pain_[i]->setEnabled(!readOnly && painRecorded_[i]->isChecked());
    }
    notes_->setReadOnly(readOnly);
    psfs_->setReadOnly(readOnly);
}

void ScreeningPage::setCarried(const std::vector<std::string>& findingIds) {
    for (const auto& [id, mark] : carried_) {
        const bool carried =
            std::find(findingIds.begin(), findingIds.end(), id) != findingIds.end();
        mark->setVisible(carried && findings_.at(id)->isChecked());
        // Screen readers hear the mark with the check box.
        findings_.at(id)->setAccessibleDescription(carried ? mark->text() : QString());
    }
}

QLabel* ScreeningPage::carriedMark(const std::string& id) const {
    auto it = carried_.find(id);
    return it != carried_.end() ? it->second : nullptr;
}

QCheckBox* ScreeningPage::findingBox(const std::string& id) const {
    auto it = findings_.find(id);
    return it != findings_.end() ? it->second : nullptr;
}

QSlider* ScreeningPage::painSlider(int which) const {
    return which >= 0 && which < 3 ? pain_[which] : nullptr;
}

QComboBox* ScreeningPage::startBackBox(const std::string& id) const {
    auto it = startBack_.find(id);
    return it != startBack_.end() ? it->second : nullptr;
}

QComboBox* ScreeningPage::odiBox(const std::string& id) const {
    auto it = odi_.find(id);
    return it != odi_.end() ? it->second : nullptr;
}

QComboBox* ScreeningPage::ndiBox(const std::string& id) const {
    auto it = ndi_.find(id);
    return it != ndi_.end() ? it->second : nullptr;
}

QCheckBox* ScreeningPage::regionBox(Region r) const {
    auto it = regions_.find(r);
    return it != regions_.end() ? it->second : nullptr;
}

} // namespace hepdesk::gui
