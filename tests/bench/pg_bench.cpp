// Clinic-server benchmark: a clinic-sized HepDesk database on a PostgreSQL 15 server (100,000
// patients, 1,000,000 sessions), then patient search and loading one patient's 200-session
// history through the real server repositories, with 1 and with 8 clients at once.
//
// Usage: pg_bench [--server CONNINFO] [--patients N] [--sessions N] [--reuse] [--queries N]
//                 [--dump FILE]
//   --server   the server (default: HEPDESK_TEST_PG, as tests/pg/cluster.sh sets it); the
//              benchmark uses (and first drops) its database "hepdesk_bench" there
//   --reuse    keep an existing hepdesk_bench database instead of generating it again
//   --dump     instead of timing, write each query and the ids it finds (in order) to FILE,
//              with and without archived patients: two builds' files compare their results
// e.g.  tests/pg/cluster.sh run build/dev/tests/bench/pg_bench
// Prints a Markdown table. Not a test: nothing is asserted.
//
// Filling: the patients through the real repository (each its own transaction, with its search
// words and audit row, as the app writes them); 1,200 sessions through the real repository (the
// 200 of patient 1's history and 1,000 templates), then the rest copied from the templates on
// the server with INSERT ... SELECT (every column of session and of its child tables), spread
// over all patients.

#include "BenchSession.h"
#include "hepdesk/db/Pg.h"
#include "hepdesk/db/SearchKey.h"
#include "hepdesk/db/Store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {
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

constexpr int kHistorySessions = 200;
constexpr int kTemplates = 1000;

struct Options {
    std::string server;
    int patients = 100'000;
    int sessions = 1'000'000;
    int queries = 2000;
    bool reuse = false;
    std::string dump;
};

double ms(Clock_::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

void die(const Error& e) {
    std::fprintf(stderr, "pg_bench: %s\n", e.message.c_str());
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

/// The columns of `table` but those in `skip`, comma-separated, quoted.
std::string columnsOf(db::PgConnection& c, const std::string& table,
                      const std::vector<std::string>& skip) {
    auto r = must(c.exec("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                         "current_schema() AND table_name = $1 ORDER BY ordinal_position",
                         {table}));
    std::string out;
    for (int i = 0; i < r.rows(); ++i) {
        const std::string col = r.text(i, 0);
        if (std::find(skip.begin(), skip.end(), col) == skip.end()) {
            out += (out.empty() ? "\"" : ", \"") + col + "\"";
        }
    }
    return out;
}

std::string prefixed(const std::string& columns, const std::string& alias) {
    std::string out;
    std::size_t at = 0;
    while (at < columns.size()) {
        std::size_t end = columns.find(", ", at);
        if (end == std::string::npos) {
            end = columns.size();
        }
        out += (out.empty() ? "" : ", ") + alias + "." + columns.substr(at, end - at);
        at = end + 2;
    }
    return out;
}

void generate(const Options& o, const std::string& conninfo) {
    std::printf("generating %d patients and %d sessions ...\n", o.patients, o.sessions);
    std::fflush(stdout);
    auto store = must(db::Store::open(conninfo));
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> first(0, kFirst.size() - 1);
    std::uniform_int_distribution<std::size_t> last(0, kLast.size() - 1);
    const auto t0 = Clock_::now();
    for (int k = 0; k < o.patients; ++k) {
        char dob[16];
        std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1930 + k % 80, 1 + k % 12, 1 + k % 28);
        must(store->patients().add(Patient{0, kFirst[first(rng)] + " " + kLast[last(rng)], dob,
                                           "R-" + std::to_string(100000 + k), "", false}));
        if (k % 10000 == 0) {
            std::printf("  %d patients\n", k);
            std::fflush(stdout);
        }
    }
    const auto t1 = Clock_::now();
    // Patient 1's history, then the templates (patients 2...), all through the repository.
    std::uniform_int_distribution<std::int64_t> anyPatient(2, o.patients);
    const int direct = std::min(o.sessions, kHistorySessions + kTemplates);
    for (int k = 0; k < direct; ++k) {
        const std::int64_t pid = k < kHistorySessions ? 1 : anyPatient(rng);
        must(store->sessions().add(bench::makeSession(pid, rng, k % 2000)));
    }
    const auto t2 = Clock_::now();
    // The rest: copies of the templates, every column of the session and its child tables.
    auto c = must(db::PgConnection::connect(conninfo));
    must(c.execScript(
        "CREATE TEMP TABLE tmpl AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn "
        "FROM session WHERE patient_id <> 1"));
    const std::int64_t templates = must(c.exec("SELECT count(*) FROM tmpl")).int64(0, 0);
    const std::string sessionCols = columnsOf(c, "session", {"id", "patient_id"});
    struct Child {
        std::string table;
        std::vector<std::string> skip;
    };
    const std::vector<Child> children = {{"session_finding", {"session_id"}},
                                         {"program_item", {"session_id"}},
                                         {"handout", {"id", "session_id"}},
                                         {"session_psfs", {"session_id"}},
                                         {"session_adherence", {"session_id"}}};
    const int remaining = o.sessions - direct;
    const int perBatch = 50'000;
    for (int done = 0; done < remaining && templates > 0;) {
        const std::int64_t base = must(c.exec("SELECT max(id) FROM session")).int64(0, 0);
        const std::int64_t copies =
            std::min<std::int64_t>((remaining - done + templates - 1) / templates,
                                   std::max<std::int64_t>(1, perBatch / templates));
        const std::int64_t rows = std::min<std::int64_t>(copies * templates, remaining - done);
        auto tx = must(db::PgTransaction::begin(c));
        // New id = base + 1 + g * templates + rn; its patient spread over 2..patients.
        const std::string newId = "($1::bigint + 1 + g * $2::bigint + t.rn)";
        const std::string where = " AND " + newId + " <= $1::bigint + $3::bigint";
        must(c.exec("INSERT INTO session (id, patient_id, " + sessionCols + ") SELECT " + newId +
                        ", 2 + (" + newId + " * 2654435761) % ($4::bigint - 1), " +
                        prefixed(sessionCols, "s") +
                        " FROM session s JOIN tmpl t ON t.id = s.id, "
                        "generate_series(0, $5::bigint - 1) g WHERE true" +
                        where,
                    {base, templates, rows, static_cast<std::int64_t>(o.patients), copies}));
        for (const Child& ch : children) {
            const std::string cols = columnsOf(c, ch.table, ch.skip);
            must(c.exec("INSERT INTO " + ch.table + " (session_id, " + cols + ") SELECT " + newId +
                            ", " + prefixed(cols, "x") + " FROM " + ch.table +
                            " x JOIN tmpl t ON t.id = x.session_id, "
                            "generate_series(0, $4::bigint - 1) g WHERE true" +
                            where,
                        {base, templates, rows, copies}));
        }
        must(tx.commit());
        done += static_cast<int>(rows);
        std::printf("  %d sessions\n", direct + done);
        std::fflush(stdout);
    }
    // VACUUM as a clinic's autovacuum would soon after such a load: it also marks the pages
    // whose rows every transaction sees, which index-only scans (the search) rely on.
    must(c.execScript("SELECT setval(pg_get_serial_sequence('session', 'id'), "
                      "(SELECT max(id) FROM session))"));
    must(c.execScript("VACUUM ANALYZE"));
    const auto t3 = Clock_::now();
    std::printf("generated in %.1f s (patients %.1f s, %.0f/s through the repository; %d "
                "sessions through the repository %.1f s; copies %.1f s)\n",
                ms(t3 - t0) / 1000, ms(t1 - t0) / 1000, o.patients / (ms(t1 - t0) / 1000), direct,
                ms(t2 - t1) / 1000, ms(t3 - t2) / 1000);
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

enum Kind { kPrefix1, kPrefix2, kPrefix3, kPrefix4to6, kWhole, kRecord, kBirth, kKinds };
const char* kKindNames[kKinds] = {"1-letter prefix",    "2-letter prefix", "3-letter prefix",
                                  "4..6-letter prefix", "whole name",      "record number",
                                  "date of birth"};

struct Query {
    std::string text;
    Kind kind;
};

/// What a receptionist types: prefixes of 1..6 letters of a name part (folded), whole names in
/// their own script, record numbers and dates of birth of stored patients.
std::vector<Query> makeQueries(db::Store& store, int patients, int count) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> anyPatient(1, patients);
    std::vector<Query> out;
    for (int q = 0; q < count; ++q) {
        const Patient p = must(store.patients().get(anyPatient(rng)));
        const std::string key = db::searchKey(p.name);
        const int kind = q % 10;
        if (kind < 6) {
            const std::size_t word =
                key.find(' ') != std::string::npos && q % 2 == 0 ? key.find(' ') + 1 : 0;
            const std::size_t len = 1 + static_cast<std::size_t>(q / 10 % 6);
            // Whole UTF-8 characters: cut before a continuation byte.
            std::size_t end = std::min(key.size(), word + len);
            while (end < key.size() && (static_cast<unsigned char>(key[end]) & 0xC0) == 0x80) {
                ++end;
            }
            const std::string text = key.substr(word, end - word);
            const Kind k = len == 1   ? kPrefix1
                           : len == 2 ? kPrefix2
                           : len == 3 ? kPrefix3
                                      : kPrefix4to6;
            out.push_back({text, k});
        } else if (kind < 8) {
            out.push_back({p.name, kWhole});
        } else if (kind == 8) {
            out.push_back({p.recordNumber, kRecord});
        } else {
            out.push_back({p.birthDate, kBirth});
        }
    }
    return out;
}

struct Run {
    std::vector<double> search[kKinds];
    std::vector<double> all;
    std::vector<double> history;
    std::size_t results = 0;
    std::size_t historyRows = 0;
    double seconds = 0;
};

/// `clients` clients at once, each its own connection (Store): every client runs all queries
/// (from its own starting point) and loads the 200-session history `histories` times.
Run measure(const std::string& conninfo, const std::vector<Query>& queries, int clients,
            int histories) {
    std::vector<Run> perClient(static_cast<std::size_t>(clients));
    std::vector<std::thread> threads;
    const auto t0 = Clock_::now();
    for (int k = 0; k < clients; ++k) {
        threads.emplace_back([&, k] {
            Run& r = perClient[static_cast<std::size_t>(k)];
            auto store = must(db::Store::open(conninfo));
            for (std::size_t i = 0; i < queries.size(); ++i) {
                const Query& q = queries[(i + static_cast<std::size_t>(k) * 997) % queries.size()];
                const auto s0 = Clock_::now();
                auto found = must(store->patients().search(q.text, {}));
                const double t = ms(Clock_::now() - s0);
                r.search[q.kind].push_back(t);
                r.all.push_back(t);
                r.results += found.size();
                if (i % std::max<std::size_t>(1, queries.size() /
                                                     static_cast<std::size_t>(histories)) ==
                    0) {
                    const auto h0 = Clock_::now();
                    auto h = must(store->sessions().history(1, {}));
                    r.history.push_back(ms(Clock_::now() - h0));
                    r.historyRows = h.size();
                }
            }
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    Run total;
    total.seconds = ms(Clock_::now() - t0) / 1000;
    for (Run& r : perClient) {
        for (int k = 0; k < kKinds; ++k) {
            total.search[k].insert(total.search[k].end(), r.search[k].begin(), r.search[k].end());
        }
        total.all.insert(total.all.end(), r.all.begin(), r.all.end());
        total.history.insert(total.history.end(), r.history.begin(), r.history.end());
        total.results += r.results;
        total.historyRows = r.historyRows;
    }
    return total;
}

/// Writes every query (and a few typed without punctuation or spaces, or in pieces) with the ids
/// it finds, in order, with and without archived patients.
int dump(db::Store& store, std::vector<Query> queries, const std::string& path) {
    for (const char* text :
         {"obrien",      "o brien",    "o'brien",    "siobhan obri", "mariasmith", "maria smith",
          "mc",          "r 100005",   "r-100005",   "100005",       "r100005",    "1930",
          "1931-02",     "1931-02-02", "02.02.1931", "a b",          "zoe o",      "smith maria",
          "jose garcia", "josegarcia", "garcias",    "li wang",      "liwang",     "wangli",
          "o",           "ob",         "obr",        "kaya demir",   "ahmedkhan",  "yuki s"}) {
        queries.push_back({text, kWhole});
    }
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) {
        std::fprintf(stderr, "pg_bench: cannot write %s\n", path.c_str());
        return 1;
    }
    for (const Query& q : queries) {
        for (const bool archived : {false, true}) {
            std::fprintf(f, "%s%s:", q.text.c_str(), archived ? " (archived too)" : "");
            for (const Patient& p : must(store.patients().search(q.text, {50, archived}))) {
                std::fprintf(f, " %lld", static_cast<long long>(p.id));
            }
            std::fprintf(f, "\n");
        }
    }
    std::fclose(f);
    std::printf("%zu queries written to %s\n", queries.size() * 2, path.c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    if (const char* env = std::getenv("HEPDESK_TEST_PG")) {
        o.server = env;
    }
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&] {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "pg_bench: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return std::string(argv[++i]);
        };
        if (a == "--server") {
            o.server = next();
        } else if (a == "--patients") {
            o.patients = std::stoi(next());
        } else if (a == "--sessions") {
            o.sessions = std::stoi(next());
        } else if (a == "--queries") {
            o.queries = std::stoi(next());
        } else if (a == "--reuse") {
            o.reuse = true;
        } else if (a == "--dump") {
            o.dump = next();
        } else {
            std::fprintf(stderr, "usage: pg_bench [--server CONNINFO] [--patients N] "
                                 "[--sessions N] [--queries N] [--reuse] [--dump FILE]\n");
            return 2;
        }
    }
    if (o.server.empty()) {
        std::fprintf(stderr, "pg_bench: no server: give --server or run it under "
                             "tests/pg/cluster.sh run (HEPDESK_TEST_PG)\n");
        return 2;
    }
    const std::string conninfo = db::conninfoWithDatabase(o.server, "hepdesk_bench");
    if (!o.reuse) {
        auto admin = must(db::PgConnection::connect(o.server));
        must(admin.execScript("DROP DATABASE IF EXISTS hepdesk_bench WITH (FORCE)"));
        must(admin.execScript("CREATE DATABASE hepdesk_bench"));
        generate(o, conninfo);
    }
    auto store = must(db::Store::open(conninfo));
    auto c = must(db::PgConnection::connect(conninfo));
    o.patients = static_cast<int>(must(c.exec("SELECT count(*) FROM patient")).int64(0, 0));
    o.sessions = static_cast<int>(must(c.exec("SELECT count(*) FROM session")).int64(0, 0));
    const std::string size =
        must(c.exec("SELECT pg_size_pretty(pg_database_size(current_database()))")).text(0, 0);
    const std::vector<Query> queries = makeQueries(*store, o.patients, o.queries);
    if (!o.dump.empty()) {
        return dump(*store, queries, o.dump);
    }
    (void)measure(conninfo, queries, 1, 20); // warm the server's cache

    std::printf("\n%d patients, %d sessions, database %s\n\n", o.patients, o.sessions,
                size.c_str());
    std::printf("| clients | operation | runs | p50 ms | p99 ms | max ms |\n"
                "|---|---|---|---|---|---|\n");
    for (const int clients : {1, 8}) {
        const Run r = measure(conninfo, queries, clients, 50);
        const auto row = [&](const std::string& what, const std::vector<double>& v) {
            if (v.empty()) {
                return;
            }
            const Stats s = stats(v);
            std::printf("| %d | %s | %zu | %.2f | %.2f | %.2f |\n", clients, what.c_str(), v.size(),
                        s.p50, s.p99, s.max);
        };
        row("search, all queries", r.all);
        for (int k = 0; k < kKinds; ++k) {
            row(std::string("search, ") + kKindNames[k], r.search[k]);
        }
        row("history: " + std::to_string(r.historyRows) + " sessions", r.history);
        std::printf("| %d | (%.0f searches/s in all, %.1f results on average) | | | | |\n", clients,
                    static_cast<double>(r.all.size()) / r.seconds,
                    static_cast<double>(r.results) / static_cast<double>(r.all.size()));
    }
    return 0;
}
