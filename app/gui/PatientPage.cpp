#include "PatientPage.h"

#include "DateText.h"
#include "KeyText.h"
#include "SessionHistoryModel.h"
#include "TrendChart.h"
#include "hepdesk/core/OutcomeScoring.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace hepdesk::gui {
namespace {

QDate dateOf(const std::string& iso) {
    return QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate).toLocalTime().date();
}

} // namespace

PatientPage::PatientPage(db::PatientRepository& patients, db::SessionRepository& sessions,
                         db::ClinicianRepository& clinicians, QWidget* parent)
    : QWidget(parent), patients_(patients), sessions_(sessions), clinicians_(clinicians) {
    setObjectName(QStringLiteral("patientPage"));
    buildHeading();
    buildButtons();
    buildHistory();

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_);
    buttons->addWidget(followUp_);
    buttons->addWidget(open_);
    buttons->addStretch(1);
    buttons->addWidget(edit_);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(historyView_);
    // Up to six measures: the chart keeps readable panels and scrolls rather than pushing the
    // window past a laptop screen.
    auto* trendScroll = new QScrollArea(this);
    trendScroll->setObjectName(QStringLiteral("trendScroll"));
    trendScroll->setWidget(trend_);
    trendScroll->setWidgetResizable(true);
    trendScroll->setFrameShape(QFrame::NoFrame);
    split->addWidget(trendScroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(name_);
    layout->addWidget(details_);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    updateButtons();
}

// The patient's name and details.
void PatientPage::buildHeading() {
    name_ = new QLabel(this);
    name_->setObjectName(QStringLiteral("patientPageName"));
    name_->setTextFormat(Qt::PlainText);
    QFont f = name_->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    name_->setFont(f);
    details_ = new QLabel(this);
    details_->setObjectName(QStringLiteral("patientPageDetails"));
    details_->setTextFormat(Qt::PlainText);
    details_->setWordWrap(true);
}

// Start, follow-up, open and edit, each asking the main window.
void PatientPage::buildButtons() {
    // The mnemonics avoid the main window's menus (File, Edit, Session, Help).
    start_ = new QPushButton(tr("S&tart session"), this);
    start_->setObjectName(QStringLiteral("startSession"));
    start_->setToolTip(tr("New visit with an empty screening (%1)")
                           .arg(keyText(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N))));
    followUp_ = new QPushButton(tr("Follo&w-up"), this);
    followUp_->setObjectName(QStringLiteral("followUp"));
    followUp_->setToolTip(tr("New visit that starts from the last session's program (%1)")
                              .arg(keyText(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F))));
    open_ = new QPushButton(tr("&Open session"), this);
    open_->setObjectName(QStringLiteral("openSession"));
    open_->setToolTip(tr("Open the selected session (%1, or Enter in the list)")
                          .arg(keyText(QKeySequence::Open)));
    edit_ = new QPushButton(tr("Edit &details…"), this);
    edit_->setObjectName(QStringLiteral("editPatient"));
    edit_->setToolTip(tr("Change the patient's name, date of birth, record or contact (%1)")
                          .arg(keyText(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E))));
    connect(start_, &QPushButton::clicked, this,
            [this] { emit startSessionRequested(patient_.id); });
    connect(followUp_, &QPushButton::clicked, this, [this] {
        if (!history_->sessions().empty()) {
            emit followUpRequested(patient_.id, history_->sessions().front().id);
        }
    });
    connect(open_, &QPushButton::clicked, this, [this] {
        if (const auto id = currentSessionId(); id != 0) {
            emit openSessionRequested(id);
        }
    });
    connect(edit_, &QPushButton::clicked, this, [this] { emit editPatientRequested(patient_.id); });
}

// The session history (Enter or a double click opens one) and the scores' trend.
void PatientPage::buildHistory() {
    history_ = new SessionHistoryModel(this);
    historyView_ = new QTableView(this);
    historyView_->setObjectName(QStringLiteral("sessionHistory"));
    historyView_->setAccessibleName(tr("Sessions, newest first"));
    historyView_->setModel(history_);
    historyView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    historyView_->setSelectionMode(QAbstractItemView::SingleSelection);
    historyView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    historyView_->verticalHeader()->hide();
    historyView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    historyView_->horizontalHeader()->setSectionResizeMode(SessionHistoryModel::ScoresColumn,
                                                           QHeaderView::Stretch);
    connect(historyView_, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit openSessionRequested(index.data(SessionHistoryModel::SessionIdRole).toLongLong());
    });

    trend_ = new TrendChart(this);
}

bool PatientPage::showPatient(std::int64_t id) {
    auto p = patients_.get(id);
    if (!p) {
        lastError_ = QString::fromStdString(p.error().message);
        name_->setText(tr("This patient could not be read."));
        details_->setText(lastError_);
        return false;
    }
    patient_ = std::move(p).value();
    return reload();
}

bool PatientPage::reload() {
    name_->setText(QString::fromStdString(patient_.name));
    QStringList bits;
    if (!patient_.birthDate.empty()) {
        bits << tr("Born %1").arg(dateTimeText(patient_.birthDate));
    }
    if (!patient_.recordNumber.empty()) {
        bits << tr("Record %1").arg(QString::fromStdString(patient_.recordNumber));
    }
    if (!patient_.contact.empty()) {
        bits << QString::fromStdString(patient_.contact);
    }
    if (patient_.archived) {
        bits << tr("Archived");
    }
    details_->setText(bits.join(QStringLiteral(" · ")));

    auto history = sessions_.history(patient_.id, {});
    auto clinicians = clinicians_.list(true);
    auto trend = sessions_.trend(patient_.id);
    if (!history || !clinicians || !trend) {
        lastError_ = QString::fromStdString((!history      ? history.error()
                                             : !clinicians ? clinicians.error()
                                                           : trend.error())
                                                .message);
        history_->setSessions({}, {});
        trend_->setSeries({});
        updateButtons();
        return false;
    }
    // The exercise log of each session lives with its screening: read it per session (a
    // patient has tens of sessions at most).
    std::map<std::int64_t, AdherenceSummary> adherence;
    for (const SessionSummary& s : *history) {
        auto full = sessions_.get(s.id);
        if (!full) {
            lastError_ = QString::fromStdString(full.error().message);
            history_->setSessions({}, {});
            trend_->setSeries({});
            updateButtons();
            return false;
        }
        if (!full->screening.adherence.empty()) {
            adherence[s.id] = summarizeAdherence(full->screening.adherence);
        }
    }
    history_->setSessions(std::move(history).value(), *clinicians, adherence);
    trend_->setSeries(trendSeries(*trend, adherence));
    lastError_.clear();
    updateButtons();
    return true;
}

std::int64_t PatientPage::currentSessionId() const {
    const QModelIndex current = historyView_->currentIndex();
    if (current.isValid()) {
        return current.data(SessionHistoryModel::SessionIdRole).toLongLong();
    }
    return history_->sessions().empty() ? 0 : history_->sessions().front().id;
}

void PatientPage::updateButtons() {
    const bool has = patient_.id != 0;
    const bool hasSessions = !history_->sessions().empty();
    // An archived patient's record is read-only; the history stays readable.
    const bool open = has && !patient_.archived;
    start_->setEnabled(open);
    edit_->setEnabled(open);
    followUp_->setEnabled(open && hasSessions);
    open_->setEnabled(hasSessions);
}

std::vector<TrendSeries>
PatientPage::trendSeries(const std::vector<TrendPoint>& points,
                         const std::map<std::int64_t, AdherenceSummary>& adherence) {
    // Thresholds of clinically important change, from /work/shared/clinical-reference.md:
    // NPRS 2 points (Childs et al. 2005); NDI MDC90 4.7 of 50 points = 9.4 %; ODI 10 points
    // (Ostelo et al., Spine 2008 consensus). STarT Back has no published change threshold
    // for its total: the panel shows the values without a band. PSFS: 2 points for the mean
    // (Stratford 1995, core's kPsfsImportantChangeMean); higher is better. Exercises done has
    // no threshold: the panel shows the values without a band.
    TrendSeries pain{tr("Pain now (NPRS 0–10)"), 0, 10, 2.0, true, QStringLiteral("%1"), {}};
    TrendSeries odi{
        tr("Low back disability (ODI %)"), 0, 100, 10.0, true, QStringLiteral("%1 %"), {}};
    TrendSeries ndi{tr("Neck disability (NDI %)"), 0, 100, 9.4, true, QStringLiteral("%1 %"), {}};
    TrendSeries startBack{tr("STarT Back total (0–9)"), 0, 9, 0.0, true, QStringLiteral("%1"), {}};
    TrendSeries psfs{tr("Patient's goals (PSFS mean 0–10)"),
                     0,
                     10,
                     kPsfsImportantChangeMean,
                     false,
                     QStringLiteral("%1"),
                     {}};
    TrendSeries done{
        tr("Exercises done (% of days asked)"), 0, 100, 0.0, false, QStringLiteral("%1 %"), {}};
    int session = 0;
    for (const TrendPoint& p : points) {
        const QDate d = dateOf(p.startedAt);
        const int at = session++;
        if (p.scores.painNow) {
            pain.points.push_back({d, static_cast<double>(*p.scores.painNow), at});
        }
        if (p.scores.odiPercent) {
            odi.points.push_back({d, *p.scores.odiPercent, at});
        }
        if (p.scores.ndiPercent) {
            ndi.points.push_back({d, *p.scores.ndiPercent, at});
        }
        if (p.scores.startBackTotal) {
            startBack.points.push_back({d, static_cast<double>(*p.scores.startBackTotal), at});
        }
        if (p.scores.psfsMean) {
            psfs.points.push_back({d, *p.scores.psfsMean, at});
        }
        if (auto a = adherence.find(p.sessionId); a != adherence.end() && a->second.percent) {
            done.points.push_back({d, *a->second.percent, at});
        }
    }
    return {pain, odi, ndi, startBack, psfs, done};
}

} // namespace hepdesk::gui
