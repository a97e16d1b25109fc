#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hepdesk::test {

/// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return path_ / name;
    }

private:
    std::filesystem::path path_;
};

std::string readFile(const std::filesystem::path& p);
void writeFile(const std::filesystem::path& p, const std::string& bytes);

/// The source tree's templates/ folder.
std::filesystem::path templatesDir();
/// The folder where tests leave screenshots and rendered pages for people to look at.
std::filesystem::path artifactsDir();

/// Result of running a program: exit code and everything it printed.
struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};
/// Runs `exe` with `args` (no shell), feeding `input` on stdin.
ProcessResult runProcess(const std::string& exe, const std::vector<std::string>& args,
                         const std::string& input = {});

} // namespace hepdesk::test
