// Test helper for CrashSafetyTest: commits sessions as fast as it can and reports each one
// on stdout only after its commit returned. The test kills it with SIGKILL at random moments.
//
// Usage: hepdesk_crash_writer DB FIRST_NUMBER
// Output: one line "<number> <session id>" per acknowledged commit.

#include "../DbFixtures.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SessionRepository.h"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace {

/// write(2) straight to the pipe: nothing acknowledged sits in a buffer when the kill lands,
/// and one short write is never split.
void acknowledge(const std::string& line) {
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(1, line.data() + done, line.size() - done);
        if (n <= 0) {
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

int main(int argc, char** argv) {
    using namespace hepdesk;
    if (argc != 3) {
        std::fprintf(stderr, "usage: hepdesk_crash_writer DB FIRST_NUMBER\n");
        return 2;
    }
    auto db = db::Database::open(argv[1]);
    if (!db) {
        std::fprintf(stderr, "crash_writer: %s\n", db.error().message.c_str());
        return 1;
    }
    db::SqlitePatientRepository patients(*db);
    auto list = patients.list({});
    if (!list) {
        std::fprintf(stderr, "crash_writer: %s\n", list.error().message.c_str());
        return 1;
    }
    std::int64_t patientId = 0;
    if (list->empty()) {
        auto id = patients.add(Patient{0, "Crash Test Patient", "1970-01-01", "CT-1", "", false});
        if (!id) {
            std::fprintf(stderr, "crash_writer: %s\n", id.error().message.c_str());
            return 1;
        }
        patientId = *id;
    } else {
        patientId = list->front().id;
    }
    db::SqliteSessionRepository sessions(*db);
    for (int n = std::stoi(argv[2]);; ++n) {
        const Session s = test::crashSession(patientId, n);
        auto id = sessions.add(s);
        if (!id) {
            std::fprintf(stderr, "crash_writer: %s\n", id.error().message.c_str());
            return 1;
        }
        acknowledge(std::to_string(n) + " " + std::to_string(*id) + "\n");
    }
}
