#include "hepdesk/core/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace hepdesk {
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
            ::close(fd_);
        }
        if (!released_) {
            ::unlink(path_.c_str());
        }
    }
    [[nodiscard]] int fd() const { return fd_; }
    int closeNow() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }
    void release() { released_ = true; }

private:
    int fd_;
    std::string path_;
    bool released_ = false;
};

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
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return Error::io(describe("cannot write", target, errno));
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        return Error::io(describe("cannot flush", target, errno));
    }
    if (guard.closeNow() != 0) {
        return Error::io(describe("cannot close", target, errno));
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
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
