// Fills a HepDesk database with made-up patients for measuring the app at clinic scale
// (`hepdesk --benchmark-startup`). A benchmark tool, not part of the shipped app; never point it
// at a real clinic's database.
//
// Usage: fill_patients FILE COUNT   (adds patients until FILE holds COUNT, in one transaction)

#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/Sqlite.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

namespace {
using namespace hepdesk;

constexpr std::array<const char*, 24> kFirst = {
    "María",    "José",   "Ana",   "Łukasz", "Nguyễn", "Aisha",  "Søren", "Zoë",
    "Mohammed", "Chen",   "Olga",  "Pierre", "Fatima", "Jürgen", "Inés",  "Kwame",
    "Yuki",     "Ólafur", "Priya", "Dmitri", "Grace",  "Ahmed",  "Lucía", "Tomás"};
constexpr std::array<const char*, 24> kLast = {
    "García", "Smith",    "Nowak",  "Müller", "Rossi",   "Tanaka", "Okafor",   "Johansson",
    "López",  "Kowalski", "Dubois", "Novák",  "Ivanova", "Martín", "O'Brien",  "Haddad",
    "Silva",  "Kim",      "Patel",  "Hansen", "Petrov",  "Moreau", "Ferreira", "Brown"};

constexpr int kMaxCount = 10'000'000;

int fill(const std::string& file, int count) {
    auto db = db::Database::open(file);
    if (!db) {
        std::fprintf(stderr, "fill_patients: %s\n", db.error().message.c_str());
        return 1;
    }
    db::SqlitePatientRepository patients(*db);
    auto existing = patients.list({.includeArchived = true});
    if (!existing) {
        std::fprintf(stderr, "fill_patients: %s\n", existing.error().message.c_str());
        return 1;
    }
    const auto start = static_cast<int>(existing->size());
    const Status s = db::Transaction::run(db->connection(), [&]() -> Status {
        for (int i = start; i < count; ++i) {
            const auto u = static_cast<std::size_t>(i);
            Patient p;
            p.name = std::string(kFirst[u % kFirst.size()]) + " " +
                     kLast[(u / kFirst.size()) % kLast.size()] + " " + std::to_string(i);
            p.birthDate = std::to_string(1930 + i % 75) + "-0" + std::to_string(1 + i % 9) + "-1" +
                          std::to_string(i % 10);
            p.recordNumber = "B-" + std::to_string(100000 + i);
            if (auto id = patients.add(p); !id) {
                return id.error();
            }
        }
        return {};
    });
    if (!s) {
        std::fprintf(stderr, "fill_patients: %s\n", s.error().message.c_str());
        return 1;
    }
    std::printf("added %d patients (now %d)\n", count > start ? count - start : 0,
                count > start ? count : start);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    int count = -1;
    if (argc == 3) {
        const std::string_view n = argv[2];
        const auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), count);
        if (ec != std::errc() || end != n.data() + n.size() || count < 0 || count > kMaxCount) {
            count = -1;
        }
    }
    if (count < 0) {
        std::fprintf(stderr, "usage: fill_patients FILE COUNT (COUNT 0 to %d)\n", kMaxCount);
        return 2;
    }
    return fill(argv[1], count);
}
