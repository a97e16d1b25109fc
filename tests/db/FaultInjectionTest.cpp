// I/O fault injection: every write path of the database runs with the Nth file operation
// failing (read, write, sync, truncate or lock, through FaultyVfs), for N = 1, 2, ... until the
// operation no longer reaches a failing step. Each time the call must return a clear error
// (never crash), a fresh connection must find the file sound (integrity_check), and the
// content must be exactly as before the call or exactly as after it: never half a write, and
// never a lost write the call acknowledged. Each loop runs twice: a transient failure (only
// operation N fails) and a disk that fills up (N and everything after fail).
#include "DbFixtures.h"
#include "FaultyVfs.h"
#include "TestImages.h"
#include "TestSupport.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/Backup.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"
#include "hepdesk/db/CustomExerciseRepository.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <sqlite3.h>

namespace hepdesk::db {
namespace {
namespace fs = std::filesystem;
using test::FaultyVfs;

/// The whole logical content of a database file, read through a fresh connection: the schema
/// version and every row of every table (sorted, so page order does not matter). Empty when
/// the file does not exist; "DAMAGED: ..." when integrity_check finds anything.
std::string contentOf(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        return {};
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return "DAMAGED: cannot open";
    }
    std::string out;
    const auto rows = [&](const std::string& sql) {
        std::vector<std::string> lines;
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
            lines.push_back(std::string("DAMAGED: ") + sqlite3_errmsg(db));
            return lines;
        }
        int rc = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            std::string line;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
                line += (t != nullptr
                             ? std::string(t, static_cast<std::size_t>(sqlite3_column_bytes(st, i)))
                             : std::string("NULL")) +
                        "|";
            }
            lines.push_back(line);
        }
        if (rc != SQLITE_DONE) {
            lines.push_back(std::string("DAMAGED: ") + sqlite3_errmsg(db));
        }
        sqlite3_finalize(st);
        return lines;
    };
    const auto check = rows("PRAGMA integrity_check");
    if (check.size() != 1 || check[0] != "ok|") {
        sqlite3_close_v2(db);
        std::string why = "DAMAGED:";
        for (const auto& l : check) {
            why += " " + l;
        }
        return why;
    }
    out += "user_version " + rows("PRAGMA user_version").at(0) + "\n";
    for (const auto& t :
         rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
        const std::string name = t.substr(0, t.size() - 1);
        auto lines = rows("SELECT * FROM \"" + name + "\"");
        std::sort(lines.begin(), lines.end());
        out += "table " + name + "\n";
        for (const auto& l : lines) {
            out += "  " + l + "\n";
        }
    }
    sqlite3_close_v2(db);
    return out;
}

void removeDatabase(const fs::path& file) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::remove(file.string() + suffix);
    }
}

void copyDatabase(const fs::path& from, const fs::path& to) {
    removeDatabase(to);
    for (const char* suffix : {"", "-wal"}) {
        if (fs::exists(from.string() + suffix)) {
            fs::copy_file(from.string() + suffix, to.string() + suffix);
        }
    }
}

Patient samplePatient(const std::string& name) {
    Patient p;
    p.name = name;
    p.birthDate = "1970-05-04";
    p.recordNumber = "R-" + std::to_string(name.size());
    p.contact = "555-0100";
    return p;
}

/// A clinic with a patient, a clinician, an unsigned and a signed session and clinic settings.
void writeBaseline(const fs::path& file) {
    auto db = Database::open(file);
    ASSERT_TRUE(db.ok()) << db.error().message;
    SqlitePatientRepository patients(*db);
    ASSERT_TRUE(patients.add(samplePatient("Zoë Ørsted")).ok());
    SqliteClinicianRepository clinicians(*db);
    ASSERT_TRUE(clinicians.add(Clinician{0, "Ana Gil", "PT", true}).ok());
    SqliteSessionRepository sessions(*db);
    ASSERT_TRUE(sessions.add(test::sampleSession(1, 1)).ok());
    ASSERT_TRUE(sessions.add(test::sampleSession(1, 2)).ok());
    ASSERT_TRUE(sessions.sign(2, 1).ok());
    SqliteClinicRepository clinic(*db);
    ASSERT_TRUE(clinic.save(ClinicSettings{"Spine Clinic", "1 Main St", "555", "", ""}).ok());
}

/// One write path: what it does on an open database (or on the files themselves).
struct WritePath {
    std::string name;
    /// Builds the starting file (faults off).
    std::function<void(const fs::path& file)> prepare = writeBaseline;
    /// The operation on the database at `file`, with `dir` for any other file it writes.
    /// Returns its status; only the call itself runs with faults armed.
    std::function<Status(const fs::path& file, const fs::path& dir)> run;
    /// The file whose content must be whole or absent (default: the database).
    std::string checked = "work.sqlite";
    /// Other complete states a failed call may leave, built from the starting file (for a
    /// migration: each intermediate schema version, every step being its own transaction).
    std::function<std::vector<std::string>(const fs::path& start, const fs::path& dir)>
        intermediate = nullptr;
};

/// The fault chosen for the current run.
struct Arm {
    int n;
    FaultyVfs::Mode mode;
};

struct LoopResult {
    std::string wholeAnywayError; ///< the last error reported for a write that was stored
    int failingRuns = 0;          ///< runs in which at least one operation failed
    int failedCalls = 0;          ///< of those, calls that returned an error
    int wholeAnyway = 0;          ///< calls that returned an error but whose write is complete
    int wholeStep = 0; ///< calls that returned an error after some whole steps (migration)
    std::map<std::string, int> kinds; ///< first failed operation kind -> count
};

class FaultInjection : public ::testing::Test {
protected:
    void SetUp() override { Clock::install(&clock_); }
    void TearDown() override { Clock::install(nullptr); }

    /// Loops N over `path` in `mode`; records failures with gtest.
    LoopResult loop(const WritePath& path, FaultyVfs::Mode mode) {
        LoopResult result;
        const fs::path baseline = dir_ / ("baseline-" + path.name + ".sqlite");
        const fs::path work = dir_ / "work.sqlite";
        const fs::path checked = dir_ / path.checked;
        removeDatabase(baseline);
        path.prepare(baseline);
        const std::string atStart = contentOf(baseline);

        // The reference run, without faults: the content a whole write leaves.
        resetWorkFolder(baseline, work);
        const std::string before = contentOf(checked);
        const Status reference = armAndRun(path, work, 0, mode);
        EXPECT_TRUE(reference.ok()) << path.name << ": " << reference.error().message;
        const std::string after = contentOf(checked);
        EXPECT_NE(before, after) << path.name << " changed nothing";
        EXPECT_EQ(after.find("DAMAGED"), std::string::npos) << after;
        std::vector<std::string> steps;
        if (path.intermediate) {
            steps = path.intermediate(baseline, dir_);
        }

        for (int n = 1; n < 100000; ++n) {
            resetWorkFolder(baseline, work);
            const Status s = armAndRun(path, work, n, mode);
            const int failed = FaultyVfs::failures();
            const std::string kind = FaultyVfs::firstFailedKind();
            FaultyVfs::disarm();
            if (failed == 0) {
                EXPECT_TRUE(s.ok()) << path.name << " failed with no fault: " << s.error().message;
                break; // the operation never reached step n: every step has been failed once
            }
            ++result.failingRuns;
            ++result.kinds[kind];
            const std::string now = contentOf(checked);
            const std::string where = path.name + ", " + kind + " failed at operation " +
                                      std::to_string(n) +
                                      (mode == FaultyVfs::Mode::Once ? " (once)" : " (on)");
            EXPECT_EQ(now.find("DAMAGED"), std::string::npos) << where << ": " << now;
            if (s.ok()) {
                EXPECT_EQ(now, after) << where << ": acknowledged but not stored whole";
            } else {
                ++result.failedCalls;
                EXPECT_FALSE(s.error().message.empty()) << where;
                EXPECT_NE(s.error().kind, Error::Kind::Internal)
                    << where << ": " << s.error().message;
                if (now == after) {
                    // Stored although an error was reported (the disk failed while the commit
                    // was being made durable): the message must say the change may be saved,
                    // so that nobody enters it twice.
                    EXPECT_NE(s.error().message.find(kCommitInDoubt), std::string::npos)
                        << where << ": stored whole, but the error does not say it may be: "
                        << s.error().message;
                    ++result.wholeAnyway;
                    result.wholeAnywayError =
                        kind + " at operation " + std::to_string(n) + ": " + s.error().message;
                } else if (std::find(steps.begin(), steps.end(), now) != steps.end()) {
                    ++result.wholeStep;
                } else {
                    EXPECT_EQ(now, before)
                        << where << ": half written; error was " << s.error().message;
                }
            }
            for (const auto& e : fs::directory_iterator(dir_)) {
                const std::string f = e.path().filename().string();
                EXPECT_TRUE(f.find(".partial") == std::string::npos &&
                            f.find(".restoring") == std::string::npos)
                    << where << ": left " << f;
            }
            if (::testing::Test::HasFailure()) {
                break; // one clear report per path, not thousands
            }
        }
        EXPECT_EQ(contentOf(baseline), atStart);
        return result;
    }

    void resetWorkFolder(const fs::path& baseline, const fs::path& work) {
        for (const auto& e : fs::directory_iterator(dir_)) {
            if (e.path().filename().string().rfind("baseline-", 0) != 0 &&
                e.path().filename() != "restore-from.sqlite") {
                fs::remove_all(e.path());
            }
        }
        copyDatabase(baseline, work);
    }

    Status armAndRun(const WritePath& path, const fs::path& work, int n, FaultyVfs::Mode mode) {
        // Paths on an open database (armed()) open it with faults off and then arm this
        // fault; paths that open files themselves (restore, migrate) are armed from the start.
        armNext_ = {n, mode};
        FaultyVfs::failAt(n, mode);
        return path.run(work, dir_);
    }

    void report(const std::string& name, const LoopResult& once, const LoopResult& on) {
        std::string kinds;
        for (const auto& [k, c] : once.kinds) { // the same step fails first in both modes
            kinds += " " + k + ":" + std::to_string(c);
        }
        for (const auto* r : {&once, &on}) {
            if (!r->wholeAnywayError.empty()) {
                kinds += "; error but stored whole: " + r->wholeAnywayError;
            }
        }
        std::printf("[ fault loop ] %-28s once %4d runs (%d errors, %d whole, %d at a step), "
                    "disk-full %4d runs (%d errors, %d whole, %d at a step); first failed:%s\n",
                    name.c_str(), once.failingRuns, once.failedCalls, once.wholeAnyway,
                    once.wholeStep, on.failingRuns, on.failedCalls, on.wholeAnyway, on.wholeStep,
                    kinds.c_str());
    }

    void runBoth(const WritePath& path) {
        const auto once = loop(path, FaultyVfs::Mode::Once);
        const auto on = loop(path, FaultyVfs::Mode::FromThenOn);
        EXPECT_GT(once.failingRuns, 0) << path.name << ": no operation was ever failed";
        report(path.name, once, on);
    }

public:
    static inline Arm armNext_{0, FaultyVfs::Mode::Once};
    /// Arms the fault chosen for this run (after a path opened its database with faults off).
    static void arm() { FaultyVfs::failAt(armNext_.n, armNext_.mode); }

protected:
    test::TempDir tmp_;
    fs::path dir_ = tmp_.path();
    FaultyVfs vfs_;
    FixedClock clock_{std::chrono::sys_days{std::chrono::year{2026} / 3 / 14} +
                      std::chrono::hours{9}};
};

/// Runs `op` on the database at `file`, opened with faults off, then armed.
template <class Op> std::function<Status(const fs::path&, const fs::path&)> armed(Op op) {
    return [op](const fs::path& file, const fs::path& dir) -> Status {
        FaultyVfs::disarm();
        auto db = Database::open(file);
        if (!db) {
            return Error::internal("baseline did not open: " + db.error().message);
        }
        FaultInjection::arm();
        Status s = op(*db, dir);
        return s;
    };
}

template <class T> Status statusOf(const Result<T>& r) {
    return r ? Status{} : Status(r.error());
}

TEST_F(FaultInjection, PatientAddEditArchive) {
    runBoth({"patient add", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqlitePatientRepository p(db);
                 return statusOf(p.add(samplePatient("Юлия Сергеевна")));
             })});
    runBoth({"patient edit", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqlitePatientRepository p(db);
                 Patient edited = samplePatient("Zoë Ørsted-Berg");
                 edited.id = 1;
                 return p.update(edited);
             })});
    runBoth({"patient archive", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqlitePatientRepository p(db);
                 return p.setArchived(1, true);
             })});
}

TEST_F(FaultInjection, SessionAddUpdateSignAddendumHandout) {
    runBoth({"session add", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqliteSessionRepository s(db);
                 return statusOf(s.add(test::crashSession(1, 7)));
             })});
    runBoth({"session update", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqliteSessionRepository s(db);
                 Session edited = test::sampleSession(1, 5);
                 edited.id = 1;
                 edited.screening.notes = "updated after the phone call";
                 return s.update(edited);
             })});
    runBoth({"session sign", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqliteSessionRepository s(db);
                 return s.sign(1, 1);
             })});
    runBoth({"addendum", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqliteSessionRepository s(db);
                 return statusOf(s.addAddendum(
                     2, Addendum{0, 1, "", "Correction: the pain score was 4, not 6."}));
             })});
    runBoth({"handout record", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqliteSessionRepository s(db);
                 return statusOf(s.addHandout(
                     2, HandoutRecord{0, std::string(64, 'a'), 51234, "", "es", true}));
             })});
}

TEST_F(FaultInjection, CustomExerciseWithPhotoAndClinicSettings) {
    runBoth({"custom exercise with photo", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqliteCustomExerciseRepository r(db);
                 CustomExercise c;
                 c.id = "wall_slide";
                 c.name = "Wall slide";
                 c.json = R"({"id": "wall_slide", "kind": "exercise"})";
                 c.photo = test::pngImage(64, 48);
                 c.photoMime = "image/png";
                 return r.put(c);
             })});
    runBoth({"clinic settings", writeBaseline, armed([](Database& db, const fs::path&) {
                 SqliteClinicRepository r(db);
                 return r.save(ClinicSettings{"Clínica Río Verde", "Calle Mayor 12\n28013 Madrid",
                                              "+34 910 000 000", test::pngImage(32, 32),
                                              "image/png"});
             })});
}

TEST_F(FaultInjection, BackupAndRestore) {
    runBoth({"backup", writeBaseline, armed([](Database& db, const fs::path& dir) {
                 return Backup::write(db, dir / "backup.sqlite");
             }),
             "backup.sqlite"});
    // The backup to restore from: the baseline plus one more patient (so it differs).
    const fs::path from = dir_ / "restore-from.sqlite";
    writeBaseline(from);
    {
        auto db = Database::open(from);
        ASSERT_TRUE(db.ok());
        SqlitePatientRepository p(*db);
        ASSERT_TRUE(p.add(samplePatient("Restored Person")).ok());
    }
    runBoth({"restore", writeBaseline, [from](const fs::path& file, const fs::path&) {
                 return statusOf(Backup::restore(from, file));
             }});
}

TEST_F(FaultInjection, MigrateFromEveryEarlierVersion) {
    for (int from = 1; from < Database::latestSchemaVersion(); ++from) {
        const auto prepare = [from](const fs::path& file) {
            Database::Options o;
            o.targetVersion = from;
            auto db = Database::open(file, o);
            ASSERT_TRUE(db.ok()) << db.error().message;
            ASSERT_TRUE(db->connection()
                            .exec("INSERT INTO patient(id, name, created_at) VALUES "
                                  "(1, 'Zoë Ørsted', '2025-01-01T10:00:00Z'), "
                                  "(2, 'Юлия Сергеевна', '2025-01-02T10:00:00Z')")
                            .ok());
        };
        // Each version step is one transaction: a failure may leave a sound file at any version
        // between `from` and the latest, which the next start migrates further.
        const auto steps = [from](const fs::path& start, const fs::path& dir) {
            std::vector<std::string> out;
            for (int v = from + 1; v < Database::latestSchemaVersion(); ++v) {
                const fs::path step = dir / "baseline-step.sqlite";
                copyDatabase(start, step);
                Database::Options o;
                o.targetVersion = v;
                EXPECT_TRUE(Database::open(step, o).ok());
                out.push_back(contentOf(step));
                removeDatabase(step);
            }
            return out;
        };
        runBoth(
            {"migrate from v" + std::to_string(from), prepare,
             [](const fs::path& file, const fs::path&) { return statusOf(Database::open(file)); },
             "work.sqlite", steps});
    }
}

} // namespace
} // namespace hepdesk::db
