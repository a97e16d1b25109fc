#pragma once

#include "hepdesk/core/Error.h"

#include <QElapsedTimer>
#include <cstdio>

namespace hepdesk::gui {

class MainWindow;
class Services;

/// `hepdesk --benchmark-startup`: how long the clinician waits. Prints start-up to an
/// interactive main window, search keystroke to results shown, and handout preview redraw,
/// measured with QElapsedTimer on the real widgets and database. Changes nothing stored.
class StartupBenchmark {
public:
    /// Runs the measurements once `window` is shown; `sinceStart` was started first thing in
    /// main(). Prints to `out`; returns the process exit code.
    static int run(const QElapsedTimer& sinceStart, MainWindow& window, Services& services,
                   std::FILE* out);
    /// `hepdesk --benchmark-fill N`: adds made-up patients until the database holds `count`,
    /// in one transaction (for measuring a large clinic; never on a real database).
    static Status fillPatients(Services& services, int count, std::FILE* out);
};

} // namespace hepdesk::gui
