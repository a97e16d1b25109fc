#include "hepdesk/core/ReadFile.h"

#include "hepdesk/core/TextEscape.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <istream>
#include <sys/stat.h>
#include <unistd.h>

namespace hepdesk {
namespace {

/// Closes a file descriptor on every path out.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

const char* kindOf(mode_t mode) {
    if (S_ISDIR(mode)) {
        return "a folder";
    }
    if (S_ISFIFO(mode)) {
        return "a named pipe (FIFO)";
    }
    if (S_ISCHR(mode)) {
        return "a character device";
    }
    if (S_ISBLK(mode)) {
        return "a block device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return "not a regular file";
}

std::string tooLarge(std::string_view what, const std::string& name, std::uintmax_t size,
                     std::uintmax_t maxBytes, bool atLeast) {
    return std::string(what) + " " + name + " is too large (" + (atLeast ? "more than " : "") +
           std::to_string(size) + " bytes; at most " + byteSizeText(maxBytes) + ")";
}

} // namespace

std::string byteSizeText(std::uintmax_t bytes) {
    constexpr std::uintmax_t kMiB = std::uintmax_t{1} << 20U;
    if (bytes >= kMiB && bytes % kMiB == 0) {
        return std::to_string(bytes / kMiB) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
        return std::to_string(bytes / 1024) + " KiB";
    }
    return std::to_string(bytes) + " bytes";
}

Result<std::string> readRegularFile(const std::filesystem::path& path, std::uintmax_t maxBytes,
                                    std::string_view what) {
    const std::string name = "'" + escapeForTerminal(path.string()) + "'";
    // Non-blocking: opening a FIFO for reading with no writer would otherwise wait forever.
    const Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        const int e = errno;
        const std::string m =
            "cannot read " + std::string(what) + " " + name + ": " + std::strerror(e);
        if (e == ENOENT || e == ENOTDIR) {
            return Error::notFound(m);
        }
        if (e == ENXIO) { // a socket, or a device with nothing behind it
            return Error::invalid(std::string(what) + " " + name + " is not a regular file");
        }
        return Error::io(m);
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        return Error::io("cannot read " + std::string(what) + " " + name + ": " +
                         std::strerror(errno));
    }
    if (!S_ISREG(st.st_mode)) {
        return Error::invalid(std::string(what) + " " + name + " is " + kindOf(st.st_mode) +
                              ", not a regular file");
    }
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > maxBytes) {
        return Error::invalid(tooLarge(what, name, size, maxBytes, false));
    }
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size));
    std::size_t got = 0;
    // Read to the end, not just st_size bytes: a file that grows meanwhile is still bounded.
    for (;;) {
        if (got == bytes.size()) {
            if (bytes.size() > maxBytes) {
                return Error::invalid(tooLarge(what, name, maxBytes, maxBytes, true));
            }
            bytes.resize(
                std::min<std::size_t>(bytes.size() + 4096, static_cast<std::size_t>(maxBytes) + 1));
        }
        const ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return Error::io("cannot read " + std::string(what) + " " + name + ": " +
                             std::strerror(errno));
        }
        if (n == 0) {
            break;
        }
        got += static_cast<std::size_t>(n);
    }
    if (got > maxBytes) {
        return Error::invalid(tooLarge(what, name, maxBytes, maxBytes, true));
    }
    bytes.resize(got);
    return bytes;
}

Result<std::string> readBoundedStream(std::istream& in, std::uintmax_t maxBytes,
                                      std::string_view what) {
    std::string bytes;
    std::array<char, 65536> buf{};
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (bytes.size() + n > maxBytes) {
            return Error::invalid(std::string(what) + " is too large (more than " +
                                  byteSizeText(maxBytes) + ")");
        }
        bytes.append(buf.data(), n);
    }
    if (in.bad()) {
        return Error::io("cannot read " + std::string(what));
    }
    return bytes;
}

} // namespace hepdesk
