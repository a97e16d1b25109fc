#pragma once

#include "TestSupport.h"

#include <filesystem>
#include <string>
#include <vector>

namespace hepdesk::test {

/// Runs the real hepdesk-cli on the database `db` (`--db db`), optionally asking for JSON
/// output, with `args` after that.
inline ProcessResult runCliOn(const std::filesystem::path& db, const std::vector<std::string>& args,
                              bool json = false) {
    std::vector<std::string> all = {"--db", db.string()};
    if (json) {
        all.insert(all.end(), {"--format", "json"});
    }
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(HEPDESK_CLI_EXE, all);
}

} // namespace hepdesk::test
