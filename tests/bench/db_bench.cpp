// Database benchmark: generates a clinic-sized HepDesk database through the real repositories
// (100,000 patients, 1,000,000 sessions), then measures patient search, loading one patient's
// 200-session history, and the time from open to the first query result.
//
// Usage: db_bench [--dir DIR] [--patients N] [--sessions N] [--reuse]
// Prints a Markdown table. Not a test: nothing is asserted.

#include "BenchSession.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SearchKey.h"
#include "hepdesk/db/SessionRepository.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {
namespace fs = std::filesystem;
using namespace hepdesk;
using Clock_ = std::chrono::steady_clock;

const std::vector<std::string> kFirst = {
    "Zoë",     "Łukasz",  "Αλέξανδρος", "Юлия",   "Søren",  "José",   "Maria",      "Ana",
    "John",    "Mary",    "Ahmed",      "Fatima", "Wei",    "Mei",    "Hiroshi",    "Yuki",
    "Olga",    "Ivan",    "Γιώργος",    "Ελένη",  "Björn",  "Åsa",    "François",   "Chloé",
    "Mateus",  "Ngọc",    "Anh",        "Priya",  "Arjun",  "Kwame",  "Amara",      "Liam",
    "Emma",    "Noah",    "Olivia",     "Jürgen", "Dvořák", "Zuzana", "Małgorzata", "Piotr",
    "Алексей", "Наталья", "Sergio",     "Lucía",  "Ines",   "Tomás",  "Aoife",      "Siobhán",
    "Kai",     "Lena",    "Mohammed",   "Layla",  "Omar",   "Sara",   "David",      "Rachel",
    "Ali",     "Zeynep",  "Emre",       "Elif"};
const std::vector<std::string> kLast = {
    "Ørsted",    "Nowak",   "Παπαδόπουλος", "Сергеевна", "Straße",     "García",    "Silva",
    "Smith",     "Johnson", "Khan",         "Wang",      "Li",         "Tanaka",    "Suzuki",
    "Иванова",   "Petrov",  "Nielsen",      "Andersson", "Dubois",     "Martin",    "Nguyễn",
    "Trần",      "Patel",   "Sharma",       "Mensah",    "Okafor",     "Murphy",    "O'Brien",
    "Müller",    "Schmidt", "Novák",        "Kowalski",  "Wiśniewski", "Kuznetsov", "Смирнов",
    "Fernández", "López",   "Costa",        "Santos",    "Kelly",      "Walsh",     "Yılmaz",
    "Kaya",      "Demir",   "Cohen",        "Levi",      "Haddad",     "Said",      "Brown",
    "Taylor",    "Wilson",  "Davies",       "Evans",     "Thomas",     "Roberts",   "Lewis",
    "Walker",    "Hall",    "Young",        "King"};

struct Options {
    fs::path dir = fs::temp_directory_path() / "hepdesk-bench";
    int patients = 100'000;
    int sessions = 1'000'000;
    int historySessions = 200;
    bool reuse = false;
};

double ms(Clock_::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

struct Stats {
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto at = [&](double q) {
        return v[std::min(v.size() - 1,
                          static_cast<std::size_t>(q * static_cast<double>(v.size())))];
    };
    return {at(0.50), at(0.99), v.back()};
}

void die(const Error& e) {
    std::fprintf(stderr, "db_bench: %s\n", e.message.c_str());
    std::exit(1);
}

template <class T> T must(Result<T> r) {
    if (!r) {
        die(r.error());
    }
    return std::move(*r);
}

void must(const Status& s) {
    if (!s) {
        die(s.error());
    }
}

void generate(const Options& o, const fs::path& path) {
    std::printf("generating %d patients and %d sessions in %s ...\n", o.patients, o.sessions,
                path.c_str());
    std::fflush(stdout);
    auto db = must(db::Database::open(path));
    // Only while generating: no fsync per batch. The measurements below reopen the file with
    // HepDesk's own settings (synchronous=FULL).
    must(db.connection().exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -200000"));
    db::SqlitePatientRepository patients(db);
    db::SqliteSessionRepository sessions(db);
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> first(0, kFirst.size() - 1);
    std::uniform_int_distribution<std::size_t> last(0, kLast.size() - 1);
    const auto t0 = Clock_::now();
    constexpr int kBatch = 5000; // one outer transaction per batch; each add is a savepoint
    for (int i = 0; i < o.patients; i += kBatch) {
        auto tx = must(db::Transaction::begin(db.connection()));
        for (int k = i; k < std::min(o.patients, i + kBatch); ++k) {
            char dob[16];
            std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1930 + k % 80, 1 + k % 12, 1 + k % 28);
            must(patients.add(Patient{0, kFirst[first(rng)] + " " + kLast[last(rng)], dob,
                                      "R-" + std::to_string(100000 + k), "", false}));
        }
        must(tx.commit());
    }
    const auto t1 = Clock_::now();
    // Patient 1 gets the 200-session history; the rest are spread over all patients.
    std::uniform_int_distribution<std::int64_t> anyPatient(2, o.patients);
    for (int i = 0; i < o.sessions; i += kBatch) {
        auto tx = must(db::Transaction::begin(db.connection()));
        for (int k = i; k < std::min(o.sessions, i + kBatch); ++k) {
            const std::int64_t pid = k < o.historySessions ? 1 : anyPatient(rng);
            must(sessions.add(bench::makeSession(pid, rng, k % 2000)));
        }
        must(tx.commit());
        if ((i / kBatch) % 20 == 0) {
            std::printf("  %d sessions\n", i);
            std::fflush(stdout);
        }
    }
    const auto t2 = Clock_::now();
    must(db.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    std::printf("generated in %.1f s (patients %.1f s, %.0f/s; sessions %.1f s, %.0f/s)\n",
                ms(t2 - t0) / 1000, ms(t1 - t0) / 1000, o.patients / (ms(t1 - t0) / 1000),
                ms(t2 - t1) / 1000, o.sessions / (ms(t2 - t1) / 1000));
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&] {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "db_bench: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return std::string(argv[++i]);
        };
        if (a == "--dir") {
            o.dir = next();
        } else if (a == "--patients") {
            o.patients = std::stoi(next());
        } else if (a == "--sessions") {
            o.sessions = std::stoi(next());
        } else if (a == "--reuse") {
            o.reuse = true;
        } else {
            std::fprintf(stderr, "usage: db_bench [--dir DIR] [--patients N] [--sessions N] "
                                 "[--reuse]\n");
            return 2;
        }
    }
    fs::create_directories(o.dir);
    const fs::path path = o.dir / "bench.sqlite";
    if (!o.reuse || !fs::exists(path)) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::remove(path.string() + suffix);
        }
        generate(o, path);
    }
    std::printf("database file: %.0f MB\n",
                static_cast<double>(fs::file_size(path)) / (1024.0 * 1024.0));

    // Open to first query: a fresh process's view (warm OS cache), with and without quick_check.
    std::vector<double> openChecked;
    std::vector<double> openUnchecked;
    for (int i = 0; i < 5; ++i) {
        for (bool check : {true, false}) {
            const auto t0 = Clock_::now();
            db::Database::Options opt;
            opt.quickCheck = check;
            auto db = must(db::Database::open(path, opt));
            db::SqlitePatientRepository repo(db);
            auto r = must(repo.search("orsted", {}));
            (check ? openChecked : openUnchecked).push_back(ms(Clock_::now() - t0));
        }
    }

    auto db = must(db::Database::open(path));
    db::SqlitePatientRepository patients(db);
    db::SqliteSessionRepository sessions(db);
    o.patients = static_cast<int>(must(db.connection().queryInt("SELECT count(*) FROM patient")));
    o.sessions = static_cast<int>(must(db.connection().queryInt("SELECT count(*) FROM session")));

    // Search: what a receptionist types. Prefixes of 1..6 letters of real names (folded), whole
    // names in their own script, record numbers and dates of birth.
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> anyPatient(1, o.patients);
    std::vector<double> byLength[8];
    std::vector<double> whole;
    std::vector<double> records;
    std::vector<double> dates;
    std::vector<double> all;
    std::size_t results = 0;
    for (int q = 0; q < 3000; ++q) {
        const Patient p = must(patients.get(anyPatient(rng)));
        const std::string key = db::searchKey(p.name);
        std::string query;
        std::vector<double>* bucket = nullptr;
        const int kind = q % 10;
        if (kind < 6) {
            const std::size_t word =
                key.find(' ') != std::string::npos && q % 2 == 0 ? key.find(' ') + 1 : 0;
            const std::size_t len = 1 + static_cast<std::size_t>(q / 10 % 6);
            query = key.substr(word, len);
            bucket = &byLength[std::min<std::size_t>(query.size(), 7)];
        } else if (kind < 8) {
            query = p.name;
            bucket = &whole;
        } else if (kind == 8) {
            query = p.recordNumber;
            bucket = &records;
        } else {
            query = p.birthDate;
            bucket = &dates;
        }
        const auto t0 = Clock_::now();
        auto r = must(patients.search(query, {}));
        const double t = ms(Clock_::now() - t0);
        results += r.size();
        bucket->push_back(t);
        all.push_back(t);
    }

    std::vector<double> history;
    std::size_t historyRows = 0;
    for (int i = 0; i < 200; ++i) {
        const auto t0 = Clock_::now();
        auto h = must(sessions.history(1, {}));
        history.push_back(ms(Clock_::now() - t0));
        historyRows = h.size();
    }
    std::vector<double> trend;
    for (int i = 0; i < 200; ++i) {
        const auto t0 = Clock_::now();
        auto t = must(sessions.trend(1));
        trend.push_back(ms(Clock_::now() - t0));
    }
    std::vector<double> getOne;
    const auto someSessions = must(sessions.history(1, {}));
    for (int i = 0; i < 500; ++i) {
        const auto t0 = Clock_::now();
        auto s =
            must(sessions.get(someSessions[static_cast<std::size_t>(i) % someSessions.size()].id));
        getOne.push_back(ms(Clock_::now() - t0));
    }

    const auto row = [](const char* what, const std::vector<double>& v) {
        if (v.empty()) {
            return;
        }
        const Stats s = stats(v);
        std::printf("| %s | %zu | %.3f | %.3f | %.3f |\n", what, v.size(), s.p50, s.p99, s.max);
    };
    std::printf("\n%d patients, %d sessions; history of patient 1: %zu sessions; "
                "%.1f search results on average\n\n",
                o.patients, o.sessions, historyRows,
                static_cast<double>(results) / static_cast<double>(all.size()));
    std::printf("| operation | runs | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
    row("search, all queries", all);
    for (std::size_t len = 1; len <= 6; ++len) {
        const std::string what = "search, " + std::to_string(len) + "-letter prefix";
        row(what.c_str(), byLength[len]);
    }
    row("search, whole name in its own script", whole);
    row("search, record number", records);
    row("search, date of birth", dates);
    row("history: 200 sessions with scores and programs", history);
    row("trend series (NPRS/ODI/NDI/STarT Back)", trend);
    row("one whole session (get)", getOne);
    row("open + first search, with quick_check", openChecked);
    row("open + first search, without quick_check", openUnchecked);
    return 0;
}
