#include "CliVisit.h"
#include "CmdCommon.h"
#include "Subcommand.h"
#include "hepdesk/core/ExerciseSpec.h"
#include "hepdesk/db/ProtocolRepository.h"
#include "hepdesk/db/SessionRepository.h"
#include "hepdesk/db/Store.h"
#include "hepdesk/visit/ProtocolLibrary.h"

#include <array>
#include <ostream>

namespace hepdesk::cli {
namespace {

/// The clinic's catalog, rules and workflow with the protocol library over `store` (a file or
/// a clinic server).
struct Library {
    std::unique_ptr<CliVisit> visit;
    std::optional<visit::ProtocolLibrary> lib;
};

Result<std::unique_ptr<Library>> openLibrary(Context& ctx, db::Store& store) {
    auto l = std::make_unique<Library>();
    auto v = CliVisit::open(store, ctx.err);
    if (!v) {
        return v.error();
    }
    l->visit = std::move(*v);
    auto lib = visit::ProtocolLibrary::load({}, store.protocols(), l->visit->data().catalog,
                                            l->visit->data().rules);
    if (!lib) {
        return lib.error();
    }
    l->lib.emplace(std::move(*lib));
    return l;
}

nlohmann::json protocolJson(const Protocol& p) {
    return toJson(p);
}

void printProgram(Context& ctx, const Program& p) {
    for (std::size_t i = 0; i < p.items.size(); ++i) {
        ctx.out << "  " << i + 1 << ". " << dosageText(p.items[i]) << '\n';
        if (!p.items[i].note.empty()) {
            ctx.out << "     note: " << esc(p.items[i].note) << '\n';
        }
    }
}

int list(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(0, ""); !s) {
        return ctx.usage(s.error().message);
    }
    auto l = openLibrary(ctx, store);
    if (!l) {
        return ctx.fail(l.error());
    }
    auto all = (*l)->lib->list();
    if (!all) {
        return ctx.fail(all.error());
    }
    if (ctx.format == Format::Json) {
        nlohmann::json j = nlohmann::json::array();
        for (const Protocol& p : *all) {
            j.push_back(protocolJson(p));
        }
        printJson(ctx, j);
        return kOk;
    }
    for (const Protocol& p : *all) {
        ctx.out << esc(p.name) << '\t' << (p.shipped ? "shipped" : "saved") << '\t'
                << p.program.items.size() << " exercises\n";
    }
    return kOk;
}

int show(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(1, "the protocol's name"); !s) {
        return ctx.usage(s.error().message);
    }
    auto l = openLibrary(ctx, store);
    if (!l) {
        return ctx.fail(l.error());
    }
    auto p = (*l)->lib->find(a.positional()[0]);
    if (!p) {
        return ctx.fail(p.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, protocolJson(*p));
        return kOk;
    }
    ctx.out << esc(p->name) << (p->shipped ? " (shipped, read-only)" : " (saved)") << '\n';
    if (!p->meantFor.empty()) {
        ctx.out << "For: " << p->meantFor << '\n';
    }
    if (!p->updatedAt.empty()) {
        ctx.out << "Saved: " << p->createdAt << ", changed: " << p->updatedAt << '\n';
    }
    printProgram(ctx, p->program);
    return kOk;
}

int save(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(1, "the protocol's name"); !s) {
        return ctx.usage(s.error().message);
    }
    const bool fromSession = a.has("session");
    if (fromSession == a.has("exercise")) {
        return ctx.usage("'protocol save' needs either --session ID (its program) or "
                         "--exercise ID[:SETSxREPS|:HOLDs]...");
    }
    if (fromSession && a.has("note")) {
        return ctx.usage("--note goes with --exercise; a session's program has its own notes");
    }
    auto l = openLibrary(ctx, store);
    if (!l) {
        return ctx.fail(l.error());
    }
    Program program;
    if (fromSession) {
        auto id = a.requiredId("session");
        if (!id) {
            return ctx.fail(id.error());
        }
        auto s = store.sessions().get(*id);
        if (!s) {
            return ctx.fail(s.error());
        }
        program = s->program;
    } else {
        for (const std::string& e : a.values("exercise")) {
            auto item = parseExerciseSpec(e, (*l)->visit->data().catalog);
            if (!item) {
                return ctx.fail(item.error());
            }
            program.items.push_back(std::move(*item));
        }
        for (const std::string& n : a.values("note")) {
            const auto eq = n.find('=');
            if (eq == std::string::npos || eq == 0) {
                return ctx.usage("--note needs ID=TEXT, got '" + esc(n) + "'");
            }
            const std::string id = n.substr(0, eq);
            auto it = std::find_if(program.items.begin(), program.items.end(),
                                   [&](const ProgramItem& x) { return x.exerciseId == id; });
            if (it == program.items.end()) {
                return ctx.usage("--note for '" + esc(id) + "', which is not an --exercise");
            }
            it->note = n.substr(eq + 1);
        }
    }
    const std::string& name = a.positional()[0];
    if (auto s = (*l)->lib->save(name, program, a.flag("replace")); !s) {
        return ctx.fail(s.error());
    }
    if (ctx.format == Format::Json) {
        printJson(ctx, {{"saved", name}, {"exercises", program.items.size()}});
    } else {
        ctx.out << "saved protocol \"" << esc(name) << "\" (" << program.items.size()
                << " exercises)\n";
    }
    return kOk;
}

int apply(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(1, "the protocol's name"); !s) {
        return ctx.usage(s.error().message);
    }
    auto id = a.requiredId("session");
    if (!id) {
        return ctx.fail(id.error());
    }
    auto l = openLibrary(ctx, store);
    if (!l) {
        return ctx.fail(l.error());
    }
    auto session = store.sessions().get(*id);
    if (!session) {
        return ctx.fail(session.error());
    }
    if (session->isSigned) {
        return ctx.fail(Error::refused("session " + std::to_string(*id) +
                                       " is signed: a protocol applies to a draft (start a "
                                       "follow-up session)"));
    }
    auto applied = (*l)->lib->apply(a.positional()[0], session->screening, session->program,
                                    a.flag("replace"));
    if (!applied) {
        return ctx.fail(applied.error());
    }
    session->program = applied->program;
    auto saved = (*l)->visit->workflow().saveDraft(*session);
    if (!saved) {
        return ctx.fail(saved.error());
    }
    if (ctx.format == Format::Json) {
        nlohmann::json left = nlohmann::json::array();
        for (const auto& x : applied->leftOut) {
            left.push_back({{"exercise", x.exerciseId},
                            {"name", x.exerciseName},
                            {"findings", x.findings},
                            {"reasons", x.reasons}});
        }
        printJson(ctx, {{"session", *id},
                        {"protocol", applied->name},
                        {"added", applied->added},
                        {"already_there", applied->alreadyThere},
                        {"left_out", left},
                        {"cautions", applied->cautions},
                        {"program", toJson(session->program)["items"]}});
        return kOk;
    }
    ctx.out << "applied \"" << esc(applied->name) << "\" to session " << *id << ": "
            << applied->added.size() << " added";
    if (!applied->alreadyThere.empty()) {
        ctx.out << ", " << applied->alreadyThere.size() << " already in the program";
    }
    ctx.out << ", " << applied->leftOut.size() << " left out\n";
    for (const std::string& m : applied->leftOutMessages()) {
        ctx.out << m << '\n';
    }
    for (const std::string& c : applied->cautions) {
        ctx.out << "caution: " << c << '\n';
    }
    printProgram(ctx, session->program);
    return kOk;
}

int rename(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(2, "the protocol's name and its new name"); !s) {
        return ctx.usage(s.error().message);
    }
    auto l = openLibrary(ctx, store);
    if (!l) {
        return ctx.fail(l.error());
    }
    if (auto s = (*l)->lib->rename(a.positional()[0], a.positional()[1]); !s) {
        return ctx.fail(s.error());
    }
    ctx.out << "renamed \"" << esc(a.positional()[0]) << "\" to \"" << esc(a.positional()[1])
            << "\"\n";
    return kOk;
}

int remove(Context& ctx, const CliArgs& a, db::Store& store) {
    if (auto s = a.expectPositional(1, "the protocol's name"); !s) {
        return ctx.usage(s.error().message);
    }
    auto l = openLibrary(ctx, store);
    if (!l) {
        return ctx.fail(l.error());
    }
    if (auto s = (*l)->lib->remove(a.positional()[0]); !s) {
        return ctx.fail(s.error());
    }
    ctx.out << "removed protocol \"" << esc(a.positional()[0]) << "\"\n";
    return kOk;
}

} // namespace

int runProtocol(Context& ctx, Args args) {
    static const std::array<Subcommand, 6> kSubcommands = {
        // The same on a database file and on a clinic server.
        readsOnly(onAnyBackend("list", {}, {}, list)),
        readsOnly(onAnyBackend("show", {}, {}, show)),
        onAnyBackend("save", {"session", "exercise", "note"}, {"replace"}, save),
        onAnyBackend("apply", {"session"}, {"replace"}, apply),
        onAnyBackend("rename", {}, {}, rename),
        onAnyBackend("remove", {}, {}, remove),
    };
    return runSubcommand(ctx, "protocol", args, kSubcommands);
}

} // namespace hepdesk::cli
