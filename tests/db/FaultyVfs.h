#pragma once

#include <string>

namespace hepdesk::test {

/// An SQLite VFS for tests that wraps the unix VFS and fails the Nth file operation (read,
/// write, sync, truncate or lock; counted across every file SQLite opens) the way a failing
/// disk does: SQLITE_IOERR_READ, SQLITE_FULL for a write, SQLITE_IOERR_FSYNC,
/// SQLITE_IOERR_TRUNCATE, SQLITE_IOERR_LOCK. While installed it is SQLite's default VFS, so
/// every connection opened by the code under test goes through it.
class FaultyVfs {
public:
    enum class Mode {
        Once,      ///< only the Nth operation fails (a transient error)
        FromThenOn ///< the Nth and every later operation fail (a disk that filled up)
    };

    FaultyVfs();  ///< registers the VFS as the default
    ~FaultyVfs(); ///< restores the unix VFS as the default
    FaultyVfs(const FaultyVfs&) = delete;
    FaultyVfs& operator=(const FaultyVfs&) = delete;

    /// Fails operation number `n` (1-based) from now on; 0 disarms.
    static void failAt(int n, Mode mode = Mode::Once);
    static void disarm() { failAt(0); }
    /// Operations counted since the last failAt().
    static int operations();
    /// Number of operations that were failed since the last failAt().
    static int failures();
    /// Which kind of operation failed first ("write", "sync", ...), empty if none.
    static std::string firstFailedKind();
};

} // namespace hepdesk::test
