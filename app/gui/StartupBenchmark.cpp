#include "StartupBenchmark.h"

#include "HandoutPage.h"
#include "MainWindow.h"
#include "PatientListModel.h"
#include "ProgramModel.h"
#include "Services.h"
#include "SessionEditor.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/Sqlite.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QTableView>
#include <algorithm>
#include <array>
#include <vector>

namespace hepdesk::gui {
namespace {

double ms(const QElapsedTimer& t) {
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

struct Stats {
    double median = 0;
    double max = 0;
};

Stats stats(std::vector<double> v) {
    if (v.empty()) {
        return {};
    }
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.back()};
}

} // namespace

int StartupBenchmark::run(const QElapsedTimer& sinceStart, MainWindow& window, Services& services,
                          std::FILE* out) {
    // Interactive: shown, first events handled, the list painted.
    QApplication::processEvents();
    window.patientView()->viewport()->repaint();
    const double startup = ms(sinceStart);
    const int patients = window.patientModel()->rowCount();
    std::fprintf(out, "startup_to_interactive_ms %.1f (patients listed: %d)\n", startup, patients);

    // Search: type real name prefixes one key at a time, measuring each keystroke until the
    // list shows the results.
    std::vector<double> keys;
    std::vector<std::string> names;
    for (int row = 0; row < std::min(patients, 5); ++row) {
        names.push_back(window.patientModel()
                            ->index(row * std::max(1, patients / 5), PatientListModel::NameColumn)
                            .data()
                            .toString()
                            .toStdString());
    }
    int lastMatches = 0;
    for (const auto& name : names) {
        const QString full = QString::fromStdString(name);
        for (int len = 1; len <= std::min<int>(6, static_cast<int>(full.size())); ++len) {
            QElapsedTimer t;
            t.start();
            window.searchField()->setText(full.left(len));
            window.patientView()->viewport()->repaint();
            keys.push_back(ms(t));
            lastMatches = window.patientModel()->rowCount();
        }
        window.searchField()->clear();
    }
    const Stats s = stats(keys);
    std::fprintf(out,
                 "search_keystroke_ms median %.1f max %.1f (%zu keystrokes, last %d matches)\n",
                 s.median, s.max, keys.size(), lastMatches);

    // Preview: a new, never-saved session with six exercises; each redraw is a full layout
    // plus painting (toggling large print makes the layout really change).
    if (patients > 0) {
        window.selectPatient(
            window.patientModel()->index(0, 0).data(PatientListModel::PatientIdRole).toLongLong());
    }
    Patient p;
    p.id = 0;
    p.name = names.empty() ? std::string("Benchmark patient") : names.front();
    Session session;
    session.screening.date = "2026-01-01";
    SessionEditor editor(services, p, session);
    editor.resize(1200, 820);
    editor.show();
    editor.showStep(SessionEditor::HandoutStep);
    int added = 0;
    for (const CatalogEntry& e : services.catalog().entries()) {
        if (added < 6 && e.isExercise() && editor.programModel()->add(e.id).ok()) {
            ++added;
        }
    }
    QApplication::processEvents();
    std::vector<double> redraws;
    for (int i = 0; i < 10; ++i) {
        editor.handoutPage()->largePrintBox()->toggle();
        redraws.push_back(editor.handoutPage()->lastRedrawMs());
    }
    const Stats r = stats(redraws);
    std::fprintf(out, "preview_redraw_ms median %.1f max %.1f (%d exercises, %zu redraws)\n",
                 r.median, r.max, added, redraws.size());
    editor.hide();
    return 0;
}

} // namespace hepdesk::gui
