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
};

} // namespace hepdesk::gui
