#include "hepdesk/core/AtomicFile.h"

#include "TestSupport.h"

#include <csignal>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
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

} // namespace
} // namespace hepdesk
