#include "hepdesk/core/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace hepdesk {

namespace detail {
AtomicFileOps& atomicFileOps() {
    static AtomicFileOps ops{::write, ::fsync, ::close, ::rename};
    return ops;
}
} // namespace detail

namespace {

std::string describe(const std::string& what, const std::filesystem::path& p, int err) {
    return what + " '" + p.string() + "': " + std::strerror(err);
}

/// Closes a file descriptor and removes the temporary file unless released.
class TempFileGuard {
public:
    TempFileGuard(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    TempFileGuard(const TempFileGuard&) = delete;
    TempFileGuard& operator=(const TempFileGuard&) = delete;
    ~TempFileGuard() {
        if (fd_ >= 0) {
            detail::atomicFileOps().close(fd_);
        }
        if (!released_) {
            ::unlink(path_.c_str());
        }
    }
    [[nodiscard]] int fd() const { return fd_; }
    int closeNow() {
        const int rc = detail::atomicFileOps().close(fd_);
        fd_ = -1;
        return rc;
    }
    void release() { released_ = true; }

private:
    int fd_;
    std::string path_;
    bool released_ = false;
};

/// What a non-regular file is, in words a user recognises.
const char* kindOf(mode_t m) {
    if (S_ISLNK(m)) {
        return "a symbolic link";
    }
    if (S_ISDIR(m)) {
        return "a folder";
    }
    if (S_ISCHR(m) || S_ISBLK(m)) {
        return "a device";
    }
    if (S_ISFIFO(m)) {
        return "a FIFO (named pipe)";
    }
    if (S_ISSOCK(m)) {
        return "a socket";
    }
    return "not a regular file";
}

} // namespace

Status writeFileAtomically(const std::filesystem::path& target, std::string_view bytes,
                           unsigned mode) {
    if (target.filename().empty()) {
        return Error::invalid("no file name in output path '" + target.string() + "'");
    }
    const std::filesystem::path dir =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return Error::invalid("folder '" + dir.string() + "' does not exist");
    }
    // rename() would replace whatever is at the target: a link, a device such as /dev/null,
    // a FIFO. Only a missing target or a regular file may be (re)written.
    struct stat st {};
    if (::lstat(target.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            return Error::invalid("output '" + target.string() + "' is " + kindOf(st.st_mode) +
                                  ", not a regular file; choose a file to write");
        }
    } else if (errno != ENOENT) {
        return Error::io(describe("cannot inspect", target, errno));
    }

    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        return Error::io(describe("cannot create a file in", dir, errno));
    }
    TempFileGuard guard(fd, tmpl);
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
        return Error::io(describe("cannot set permissions on", tmpl, errno));
    }

    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = detail::atomicFileOps().write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return Error::io(describe("cannot write", target, errno));
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (detail::atomicFileOps().fsync(fd) != 0) {
        return Error::io(describe("cannot flush", target, errno));
    }
    if (guard.closeNow() != 0) {
        return Error::io(describe("cannot close", target, errno));
    }
    if (detail::atomicFileOps().rename(tmpl.c_str(), target.c_str()) != 0) {
        return Error::io(describe("cannot replace", target, errno));
    }
    guard.release();

    // Make the rename itself durable.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

} // namespace hepdesk
