#include "hepdesk/core/AtomicFile.h"

#include "HandoutTestData.h"
#include "TestSupport.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <gtest/gtest.h>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hepdesk {
namespace {
namespace fs = std::filesystem;

std::size_t filesIn(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) {
        ++n;
    }
    return n;
}

TEST(AtomicFile, WritesNewFileWithRequestedMode) {
    test::TempDir dir;
    const auto target = dir / "handout.pdf";
    ASSERT_TRUE(writeFileAtomically(target, "hello", 0600).ok());
    EXPECT_EQ(test::readFile(target), "hello");
    struct stat st {};
    ASSERT_EQ(::stat(target.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777U, 0600U);
    EXPECT_EQ(filesIn(dir.path()), 1U) << "no temporary file may be left behind";
}

TEST(AtomicFile, ReplacesExistingFileWhole) {
    test::TempDir dir;
    const auto target = dir / "a.txt";
    test::writeFile(target, "old content that is longer");
    ASSERT_TRUE(writeFileAtomically(target, "new").ok());
    EXPECT_EQ(test::readFile(target), "new");
}

TEST(AtomicFile, MissingFolderIsAClearErrorAndWritesNothing) {
    test::TempDir dir;
    const auto target = dir / "no-such-folder" / "x.pdf";
    const auto s = writeFileAtomically(target, "x");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("no-such-folder"), std::string::npos) << s.error().message;
    EXPECT_FALSE(fs::exists(target));
}

TEST(AtomicFile, ReadOnlyFolderKeepsOldFileAndLeavesNoTemp) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root ignores folder permissions";
    }
    test::TempDir dir;
    const auto target = dir / "a.txt";
    test::writeFile(target, "old");
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
    const auto s = writeFileAtomically(target, "new");
    fs::permissions(dir.path(), fs::perms::owner_all);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(test::readFile(target), "old");
    EXPECT_EQ(filesIn(dir.path()), 1U);
}

TEST(AtomicFile, FullDiskKeepsOldFileAndLeavesNoPartialFile) {
    // A disk that fills up mid-write is simulated with RLIMIT_FSIZE in a child process:
    // write() then fails with EFBIG exactly as it would with ENOSPC.
    test::TempDir dir;
    const auto target = dir / "handout.pdf";
    test::writeFile(target, "old");
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit lim{1024, 1024};
        ::setrlimit(RLIMIT_FSIZE, &lim);
        const std::string big(64 * 1024, 'x');
        const auto s = writeFileAtomically(target, big);
        ::_exit(s.ok() ? 0 : 3);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 3) << "the write should have failed";
    EXPECT_EQ(test::readFile(target), "old");
    EXPECT_EQ(filesIn(dir.path()), 1U) << "the temporary file must be removed";
}

// Defect: `handout -o /dev/null` as root turned /dev/null into a 0600 regular file, and a
// symbolic link or FIFO target was replaced by the rename. Each non-regular target is refused
// (InvalidInput, naming the path and what it is) and left exactly as it was.
void expectRefusedAndKept(const fs::path& target, const std::string& what) {
    struct stat before {};
    ASSERT_EQ(::lstat(target.c_str(), &before), 0);
    const auto s = writeFileAtomically(target, "pdf bytes", 0600);
    ASSERT_FALSE(s.ok()) << target;
    EXPECT_EQ(s.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(s.error().message.find(target.string()), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find(what), std::string::npos) << s.error().message;
    struct stat after {};
    ASSERT_EQ(::lstat(target.c_str(), &after), 0);
    EXPECT_EQ(after.st_mode, before.st_mode) << "the target's type and mode must not change";
    EXPECT_EQ(after.st_ino, before.st_ino) << "the target must not be replaced";
}

TEST(AtomicFile, SymbolicLinkTargetIsRefusedAndKept) {
    test::TempDir dir;
    test::writeFile(dir / "real.pdf", "old");
    const auto link = dir / "link.pdf";
    fs::create_symlink(dir / "real.pdf", link);
    expectRefusedAndKept(link, "symbolic link");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(test::readFile(dir / "real.pdf"), "old");
    EXPECT_EQ(filesIn(dir.path()), 2U) << "no temporary file may be left behind";
}

TEST(AtomicFile, DanglingSymbolicLinkIsRefused) {
    test::TempDir dir;
    const auto link = dir / "out.pdf";
    fs::create_symlink(dir / "missing.pdf", link);
    expectRefusedAndKept(link, "symbolic link");
    EXPECT_FALSE(fs::exists(dir / "missing.pdf"));
}

TEST(AtomicFile, FifoTargetIsRefusedAndKept) {
    test::TempDir dir;
    const auto fifo = dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    expectRefusedAndKept(fifo, "FIFO");
    EXPECT_EQ(filesIn(dir.path()), 1U);
}

TEST(AtomicFile, FolderTargetIsRefusedAndKept) {
    test::TempDir dir;
    const auto sub = dir / "sub";
    fs::create_directory(sub);
    expectRefusedAndKept(sub, "folder");
    EXPECT_TRUE(fs::is_directory(sub));
}

TEST(AtomicFile, SocketTargetIsRefusedAndKept) {
    test::TempDir dir;
    const auto sock = dir / "s";
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    ASSERT_LT(sock.string().size(), sizeof(addr.sun_path));
    std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", sock.c_str());
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    expectRefusedAndKept(sock, "socket");
    ::close(fd);
}

TEST(AtomicFile, DeviceTargetIsRefused) {
    // /dev/null itself is only inspected (the refusal comes before any file is created), and
    // it is checked afterwards to still be the character device.
    const fs::path devNull = "/dev/null";
    struct stat before {};
    ASSERT_EQ(::lstat(devNull.c_str(), &before), 0);
    ASSERT_TRUE(S_ISCHR(before.st_mode));
    if (::access("/dev", W_OK) == 0) {
        // Writable /dev (root): prove the refusal on a private FIFO first so a regression
        // fails there instead of replacing the system's /dev/null.
        test::TempDir dir;
        const auto fifo = dir / "guard";
        ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
        ASSERT_FALSE(writeFileAtomically(fifo, "x").ok());
    }
    const auto s = writeFileAtomically(devNull, "pdf", 0600);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, Error::Kind::InvalidInput);
    EXPECT_NE(s.error().message.find("/dev/null"), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find("device"), std::string::npos) << s.error().message;
    struct stat after {};
    ASSERT_EQ(::lstat(devNull.c_str(), &after), 0);
    EXPECT_TRUE(S_ISCHR(after.st_mode));
    EXPECT_EQ(after.st_rdev, before.st_rdev);
}

// Fault injection through the detail::atomicFileOps() seam: the Nth system call after the
// temporary file is created fails (write, fsync, close or rename), for every N until the write
// succeeds. Each time: a clear Io error, the old file intact, no temporary file left.
struct FaultyOps {
    static inline int callsLeft = 0; // fail when this reaches zero
    static inline int calls = 0;
    static inline std::size_t chunk = 7; ///< most bytes one write() takes (short writes)
    static bool failNow() {
        ++calls;
        return --callsLeft == 0;
    }
    static ssize_t write(int fd, const void* buf, std::size_t n) {
        if (failNow()) {
            errno = ENOSPC;
            return -1;
        }
        // Short writes exercise the loop: at most `chunk` bytes per call.
        return ::write(fd, buf, n < chunk ? n : chunk);
    }
    static int fsync(int fd) {
        if (failNow()) {
            errno = EIO;
            return -1;
        }
        return ::fsync(fd);
    }
    static int close(int fd) {
        const int rc = ::close(fd); // Linux releases the descriptor even when close fails
        if (failNow()) {
            errno = EIO;
            return -1;
        }
        return rc;
    }
    static int rename(const char* from, const char* to) {
        if (failNow()) {
            errno = EXDEV;
            return -1;
        }
        return ::rename(from, to);
    }
};

class AtomicFileFaults : public ::testing::Test {
protected:
    void SetUp() override {
        saved_ = detail::atomicFileOps();
        FaultyOps::callsLeft = 0; // nothing fails until a test chooses a step
        FaultyOps::calls = 0;
        detail::atomicFileOps() = {FaultyOps::write, FaultyOps::fsync, FaultyOps::close,
                                   FaultyOps::rename};
    }
    void TearDown() override {
        detail::atomicFileOps() = saved_;
        FaultyOps::chunk = 7;
    }

    /// Fails step N for N = 1, 2, ... until a write succeeds; returns the number of failures.
    int loop(const fs::path& target, const std::string& oldContent, bool hadOld) {
        const std::string bytes = "%PDF-1.4 a handout that takes several short writes %%EOF";
        int failures = 0;
        for (int n = 1; n < 1000; ++n) {
            FaultyOps::callsLeft = n;
            FaultyOps::calls = 0;
            const auto s = writeFileAtomically(target, bytes, 0600);
            if (s.ok()) {
                EXPECT_EQ(test::readFile(target), bytes);
                EXPECT_LT(FaultyOps::calls, n) << "success only once no step was failed";
                return failures;
            }
            ++failures;
            EXPECT_EQ(s.error().kind, Error::Kind::Io) << s.error().message;
            EXPECT_NE(s.error().message.find(target.filename().string()), std::string::npos)
                << s.error().message;
            if (hadOld) {
                EXPECT_EQ(test::readFile(target), oldContent) << "step " << n;
            } else {
                EXPECT_FALSE(fs::exists(target)) << "no partial file, step " << n;
            }
            EXPECT_EQ(filesIn(target.parent_path()), hadOld ? 1U : 0U)
                << "temporary file left behind at step " << n;
        }
        ADD_FAILURE() << "the write never succeeded";
        return failures;
    }

private:
    detail::AtomicFileOps saved_{};
};

TEST_F(AtomicFileFaults, EveryFailingStepLeavesNoFileAndNoTemp) {
    test::TempDir dir;
    const int failures = loop(dir / "new.pdf", "", false);
    // 8 short writes + fsync + close + rename: every one of them was failed once.
    EXPECT_EQ(failures, 11);
    std::printf("[ fault loop ] atomic writer, new file: %d failing steps\n", failures);
}

TEST_F(AtomicFileFaults, EveryFailingStepKeepsTheExistingFile) {
    test::TempDir dir;
    const auto target = dir / "old.pdf";
    test::writeFile(target, "the signed handout printed yesterday");
    const int failures = loop(target, "the signed handout printed yesterday", true);
    EXPECT_EQ(failures, 11);
    std::printf("[ fault loop ] atomic writer, existing file: %d failing steps\n", failures);
}

TEST_F(AtomicFileFaults, HandoutPdfKeepsThePreviousHandoutAtEveryFailingStep) {
    // The handout writer's own path (HandoutWriter::writePdf): yesterday's PDF stays whole
    // and readable whichever write, fsync, close or rename fails.
    test::TempDir dir;
    const auto target = dir / "handout.pdf";
    const auto& writer = handout::test::shippedWriter();
    const auto catalog = handout::test::smallCatalog();
    auto request = handout::test::routineRequest();
    ASSERT_TRUE(writer.writePdf(request, catalog, target).ok());
    const std::string old = test::readFile(target);
    request.patientName = "Someone Else";
    FaultyOps::chunk = 16 * 1024;
    const int expectedSteps =
        static_cast<int>((old.size() + FaultyOps::chunk - 1) / FaultyOps::chunk) + 3;
    int failures = 0;
    for (int n = 1; n < 1000; ++n) {
        FaultyOps::callsLeft = n;
        FaultyOps::calls = 0;
        const auto s = writer.writePdf(request, catalog, target);
        if (s.ok()) {
            EXPECT_NE(test::readFile(target), old);
            break;
        }
        ++failures;
        EXPECT_EQ(test::readFile(target), old) << "step " << n;
        EXPECT_EQ(handout::test::qpdfCheck(test::readFile(target)).first, 0) << "step " << n;
        EXPECT_EQ(filesIn(dir.path()), 1U) << "temporary file left at step " << n;
    }
    EXPECT_GE(failures, expectedSteps - 1); // the new PDF may be a little shorter or longer
    std::printf("[ fault loop ] handout PDF over an existing one: %d failing steps\n", failures);
}

} // namespace
} // namespace hepdesk
