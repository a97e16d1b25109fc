// Compiles `session new` into this object so the fuzzer reaches its --exercise parser (ID,
// ID:SETSxREPS, ID:HOLDs), in an anonymous namespace; see exercise_arg_handout.cpp.
#include "CmdSessionNew.cpp" // NOLINT(bugprone-suspicious-include)

namespace hepdesk::fuzz {
Result<ProgramItem> parseSessionExercise(std::string_view spec, const Catalog& catalog) {
    return cli::parseExercise(spec, catalog);
}
} // namespace hepdesk::fuzz
