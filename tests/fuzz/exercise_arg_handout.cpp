// Compiles the CLI's handout command into this object so the fuzzer reaches its --exercise
// parser (ID, ID:SETSxREPS, ID:HOLDs, ID:2x10:5s), which lives in an anonymous namespace.
// This object defines every symbol of CmdHandout.cpp, so the linker never takes the library's
// copy of it.
#include "CmdHandout.cpp" // NOLINT(bugprone-suspicious-include)

namespace hepdesk::fuzz {
Result<ProgramItem> parseHandoutExercise(const std::string& arg, const Catalog& catalog) {
    return cli::parseExercise(arg, catalog);
}
} // namespace hepdesk::fuzz
