#include "FaultyVfs.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <sqlite3.h>
#include <stdexcept>

namespace hepdesk::test {
namespace {

struct State {
    std::mutex mutex;
    int failAt = 0;
    FaultyVfs::Mode mode = FaultyVfs::Mode::Once;
    int operations = 0;
    int failures = 0;
    std::string firstFailed;
};
State& state() {
    static State s;
    return s;
}

sqlite3_vfs* real() {
    static sqlite3_vfs* unix = sqlite3_vfs_find("unix");
    return unix;
}

/// Counts one operation; true when it must fail.
bool shouldFail(const char* kind) {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    if (s.failAt == 0) {
        return false;
    }
    ++s.operations;
    const bool fail =
        s.mode == FaultyVfs::Mode::Once ? s.operations == s.failAt : s.operations >= s.failAt;
    if (fail) {
        if (s.failures++ == 0) {
            s.firstFailed = kind;
        }
    }
    return fail;
}

/// Our file: the header SQLite sees, followed by the unix VFS's own file object.
struct File {
    sqlite3_file base;
    sqlite3_file* inner() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
File* self(sqlite3_file* f) {
    return reinterpret_cast<File*>(f);
}
sqlite3_file* inner(sqlite3_file* f) {
    return self(f)->inner();
}

int xClose(sqlite3_file* f) {
    sqlite3_file* in = inner(f);
    return in->pMethods != nullptr ? in->pMethods->xClose(in) : SQLITE_OK;
}
int xRead(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
    if (shouldFail("read")) {
        return SQLITE_IOERR_READ;
    }
    return inner(f)->pMethods->xRead(inner(f), buf, n, off);
}
int xWrite(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
    if (shouldFail("write")) {
        return SQLITE_FULL;
    }
    return inner(f)->pMethods->xWrite(inner(f), buf, n, off);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    if (shouldFail("truncate")) {
        return SQLITE_IOERR_TRUNCATE;
    }
    return inner(f)->pMethods->xTruncate(inner(f), size);
}
int xSync(sqlite3_file* f, int flags) {
    if (shouldFail("sync")) {
        return SQLITE_IOERR_FSYNC;
    }
    return inner(f)->pMethods->xSync(inner(f), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    return inner(f)->pMethods->xFileSize(inner(f), size);
}
int xLock(sqlite3_file* f, int level) {
    if (shouldFail("lock")) {
        return SQLITE_IOERR_LOCK;
    }
    return inner(f)->pMethods->xLock(inner(f), level);
}
int xUnlock(sqlite3_file* f, int level) {
    return inner(f)->pMethods->xUnlock(inner(f), level);
}
int xCheckReservedLock(sqlite3_file* f, int* out) {
    return inner(f)->pMethods->xCheckReservedLock(inner(f), out);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
    return inner(f)->pMethods->xFileControl(inner(f), op, arg);
}
int xSectorSize(sqlite3_file* f) {
    return inner(f)->pMethods->xSectorSize(inner(f));
}
int xDeviceCharacteristics(sqlite3_file* f) {
    return inner(f)->pMethods->xDeviceCharacteristics(inner(f));
}
int xShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return inner(f)->pMethods->xShmMap(inner(f), region, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return inner(f)->pMethods->xShmLock(inner(f), offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) {
    inner(f)->pMethods->xShmBarrier(inner(f));
}
int xShmUnmap(sqlite3_file* f, int deleteFlag) {
    return inner(f)->pMethods->xShmUnmap(inner(f), deleteFlag);
}
int xFetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
    return inner(f)->pMethods->xFetch(inner(f), off, n, out);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
    return inner(f)->pMethods->xUnfetch(inner(f), off, p);
}

const sqlite3_io_methods kMethods = {3,
                                     xClose,
                                     xRead,
                                     xWrite,
                                     xTruncate,
                                     xSync,
                                     xFileSize,
                                     xLock,
                                     xUnlock,
                                     xCheckReservedLock,
                                     xFileControl,
                                     xSectorSize,
                                     xDeviceCharacteristics,
                                     xShmMap,
                                     xShmLock,
                                     xShmBarrier,
                                     xShmUnmap,
                                     xFetch,
                                     xUnfetch};

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* outFlags) {
    File* file = self(f);
    std::memset(file, 0, sizeof(File));
    sqlite3_file* in = file->inner();
    const int rc = real()->xOpen(real(), name, in, flags, outFlags);
    // SQLite calls xClose only when pMethods is set, also after a failed open.
    file->base.pMethods = in->pMethods != nullptr ? &kMethods : nullptr;
    return rc;
}
int xDelete(sqlite3_vfs*, const char* name, int syncDir) {
    return real()->xDelete(real(), name, syncDir);
}
int xAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    return real()->xAccess(real(), name, flags, out);
}
int xFullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return real()->xFullPathname(real(), name, n, out);
}
void* xDlOpen(sqlite3_vfs*, const char* name) {
    return real()->xDlOpen(real(), name);
}
void xDlError(sqlite3_vfs*, int n, char* msg) {
    real()->xDlError(real(), n, msg);
}
void (*xDlSym(sqlite3_vfs*, void* h, const char* sym))() {
    return real()->xDlSym(real(), h, sym);
}
void xDlClose(sqlite3_vfs*, void* h) {
    real()->xDlClose(real(), h);
}
int xRandomness(sqlite3_vfs*, int n, char* out) {
    return real()->xRandomness(real(), n, out);
}
int xSleep(sqlite3_vfs*, int us) {
    return real()->xSleep(real(), us);
}
int xCurrentTime(sqlite3_vfs*, double* t) {
    return real()->xCurrentTime(real(), t);
}
int xGetLastError(sqlite3_vfs*, int n, char* out) {
    return real()->xGetLastError(real(), n, out);
}
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* t) {
    return real()->xCurrentTimeInt64(real(), t);
}

sqlite3_vfs& vfs() {
    static sqlite3_vfs v = [] {
        sqlite3_vfs x{};
        x.iVersion = 2;
        x.szOsFile = static_cast<int>(sizeof(File)) + real()->szOsFile;
        x.mxPathname = real()->mxPathname;
        x.zName = "hepdesk-faulty";
        x.xOpen = xOpen;
        x.xDelete = xDelete;
        x.xAccess = xAccess;
        x.xFullPathname = xFullPathname;
        x.xDlOpen = xDlOpen;
        x.xDlError = xDlError;
        x.xDlSym = xDlSym;
        x.xDlClose = xDlClose;
        x.xRandomness = xRandomness;
        x.xSleep = xSleep;
        x.xCurrentTime = xCurrentTime;
        x.xGetLastError = xGetLastError;
        x.xCurrentTimeInt64 = xCurrentTimeInt64;
        return x;
    }();
    return v;
}

} // namespace

FaultyVfs::FaultyVfs() {
    if (real() == nullptr || sqlite3_vfs_register(&vfs(), 1) != SQLITE_OK) {
        throw std::runtime_error("cannot register the fault-injecting SQLite VFS");
    }
}

FaultyVfs::~FaultyVfs() {
    disarm();
    sqlite3_vfs_unregister(&vfs());
    sqlite3_vfs_register(real(), 1);
}

void FaultyVfs::failAt(int n, Mode mode) {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.failAt = n;
    s.mode = mode;
    s.operations = 0;
    s.failures = 0;
    s.firstFailed.clear();
}

int FaultyVfs::operations() {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return s.operations;
}

int FaultyVfs::failures() {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return s.failures;
}

std::string FaultyVfs::firstFailedKind() {
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return s.firstFailed;
}

} // namespace hepdesk::test
