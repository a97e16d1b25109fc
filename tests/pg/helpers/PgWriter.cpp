// Test helper for the server proofs (PgProcessesTest): one workstation process writing sessions
// to the clinic server through the real repositories, reporting each outcome on stdout only
// after the server answered. Several run at once; the crash test kills the postmaster under one.
//
// Usage: hepdesk_pg_writer CONNINFO PATIENT_NAME COUNT [--reconnect]
// Output, one line each (written with one write(2), so a line is never half there):
//   "patient ID"              the patient the sessions belong to
//   "ok N SESSION_ID"         session number N is committed (acknowledged)
//   "failed N MESSAGE"        session number N was not saved; MESSAGE is what a user would read
// Without --reconnect a failed write is reported and the next one tried on the same
// connection; with it, the writer opens the store again (as a user retrying would) and goes on.
// Exit status: 0 when every write was acknowledged, 1 when some failed, 2 on bad usage, 3 when
// the server could not be reached for 60 seconds.

#include "../../db/DbFixtures.h"
#include "hepdesk/db/Store.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <unistd.h>

namespace {

void say(std::string line) {
    for (char& ch : line) {
        if (ch == '\n') {
            ch = ' ';
        }
    }
    line += '\n';
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(1, line.data() + done, line.size() - done);
        if (n <= 0) {
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

/// Opens the store, trying again every 100 ms for up to 60 s (the server may be restarting).
std::unique_ptr<hepdesk::db::Store> openStore(const std::string& conninfo, bool retry) {
    for (int attempt = 0; attempt < 600; ++attempt) {
        auto store = hepdesk::db::Store::open(conninfo);
        if (store) {
            return std::move(*store);
        }
        if (!retry) {
            std::fprintf(stderr, "pg_writer: %s\n", store.error().message.c_str());
            return nullptr;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return nullptr;
}

} // namespace

int main(int argc, char** argv) {
    using namespace hepdesk;
    if (argc < 4 || argc > 5 || (argc == 5 && std::string(argv[4]) != "--reconnect")) {
        std::fprintf(stderr,
                     "usage: hepdesk_pg_writer CONNINFO PATIENT_NAME COUNT [--reconnect]\n");
        return 2;
    }
    const std::string conninfo = argv[1];
    const std::string name = argv[2];
    const int count = std::stoi(argv[3]);
    const bool reconnect = argc == 5;

    auto store = openStore(conninfo, reconnect);
    if (!store) {
        return 3;
    }
    std::int64_t patientId = 0;
    while (patientId == 0) {
        auto id = store->patients().add(Patient{0, name, "", "", "", false});
        if (id) {
            patientId = *id;
        } else if (!reconnect) {
            std::fprintf(stderr, "pg_writer: %s\n", id.error().message.c_str());
            return 1;
        } else if (store = openStore(conninfo, true); !store) {
            return 3;
        }
    }
    say("patient " + std::to_string(patientId));
    bool allSaved = true;
    for (int n = 0; n < count; ++n) {
        auto id = store->sessions().add(test::crashSession(patientId, n));
        if (id) {
            say("ok " + std::to_string(n) + " " + std::to_string(*id));
            continue;
        }
        allSaved = false;
        say("failed " + std::to_string(n) + " " + id.error().message);
        if (reconnect) {
            store.reset();
            store = openStore(conninfo, true);
            if (!store) {
                return 3;
            }
        }
    }
    return allSaved ? 0 : 1;
}
