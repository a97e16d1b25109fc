#include "hepdesk/db/PatientRepository.h"

#include "RecordChecks.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/AuditLog.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/SearchKey.h"

#include <algorithm>
#include <set>

namespace hepdesk::db {
namespace {

constexpr const char* kColumns =
    "p.id, p.name, p.birth_date, p.record_number, p.contact, p.archived";

Patient readPatient(const Statement& st) {
    Patient p;
    p.id = st.columnInt(0);
    p.name = st.columnText(1);
    p.birthDate = st.columnText(2);
    p.recordNumber = st.columnText(3);
    p.contact = st.columnText(4);
    p.archived = st.columnInt(5) != 0;
    return p;
}

/// Appends the rows of `st` not seen yet, until `out` holds `limit` patients.
Status collect(Statement& st, std::vector<Patient>& out, std::set<std::int64_t>& seen,
               std::size_t limit) {
    if (out.size() >= limit) {
        return {};
    }
    return st.forEachRow([&](const Statement& row) {
        Patient p = readPatient(row);
        if (seen.insert(p.id).second) {
            out.push_back(std::move(p));
        }
        return out.size() < limit;
    });
}

Status validatePatient(const Patient& p) {
    for (const Status& s : {checkRequiredText(p.name, "patient name", kMaxNameBytes),
                            checkDate(p.birthDate, "date of birth", true),
                            checkText(p.recordNumber, "record number", kMaxNameBytes),
                            checkText(p.contact, "contact", kMaxFieldBytes)}) {
        if (!s) {
            return s;
        }
    }
    // ISO dates compare as text. The project's clock (tests set "today"), in UTC plus the
    // largest time-zone offset (14 h), so a baby born today east of UTC is not refused.
    const std::string latest = isoDate(Clock::current().now() + std::chrono::hours(14));
    if (p.birthDate > latest) {
        return Error::invalid("date of birth '" + p.birthDate + "' is in the future");
    }
    return {};
}

/// A date of birth typed as YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY (also with '/'), as the
/// ISO prefix it stands for; empty when the query is not a date.
std::string datePrefix(std::string_view q) {
    const auto digits = [](std::string_view s) {
        return !s.empty() &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (q.size() == 4 && digits(q)) {
        return std::string(q);
    }
    if (q.size() == 7 && digits(q.substr(0, 4)) && q[4] == '-' && digits(q.substr(5, 2))) {
        return std::string(q);
    }
    if (q.size() == 10 && digits(q.substr(0, 4)) && q[4] == '-' && digits(q.substr(5, 2)) &&
        q[7] == '-' && digits(q.substr(8, 2))) {
        return std::string(q);
    }
    if (q.size() == 10 && (q[2] == '.' || q[2] == '/') && q[5] == q[2] && digits(q.substr(0, 2)) &&
        digits(q.substr(3, 2)) && digits(q.substr(6, 4))) {
        return std::string(q.substr(6, 4)) + "-" + std::string(q.substr(3, 2)) + "-" +
               std::string(q.substr(0, 2));
    }
    return {};
}

/// The words of a folded search key, split where the index's tokenizer splits (ASCII
/// punctuation and spaces; the key is ASCII except what ICU could not transliterate).
std::vector<std::string> ftsWords(std::string_view key) {
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    };
    for (const char c : key) {
        const auto u = static_cast<unsigned char>(c);
        const bool letter = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (letter) {
            word += c;
        } else {
            flush();
        }
    }
    flush();
    return words;
}

/// A quoted FTS5 prefix term: quoting makes FTS syntax in the query ("AND", "*", "NEAR(")
/// plain text.
std::string prefixTerm(std::string_view word) {
    return '"' + std::string(word) + "\"*";
}

/// Longest word tried as two (three) stored words, and most words tried joined: these bound
/// the size of the query.
constexpr std::size_t kMaxSplitWord = 32;
constexpr std::size_t kMaxSplitTwiceWord = 16;
constexpr std::size_t kMaxJoinedWords = 4;

bool asciiBoundary(const std::string& word, std::size_t i) {
    return static_cast<unsigned char>(word[i - 1]) < 0x80 &&
           static_cast<unsigned char>(word[i]) < 0x80;
}

/// People leave out the punctuation and spaces inside a name: "obrien" must find "O'Brien"
/// (stored as the words "o" and "brien"), "delacruz" "de la Cruz". A typed word matches a
/// stored word it starts, or two or three adjacent stored words it spells (the last one only
/// started).
std::string wordOrSplit(const std::string& word) {
    std::string out = "(" + prefixTerm(word);
    const std::size_t n = word.size();
    for (std::size_t i = 1; n <= kMaxSplitWord && i < n; ++i) {
        if (!asciiBoundary(word, i)) {
            continue;
        }
        out += " OR " + prefixTerm(word.substr(0, i) + " " + word.substr(i));
        for (std::size_t j = i + 1; n <= kMaxSplitTwiceWord && j < n; ++j) {
            if (asciiBoundary(word, j)) {
                out += " OR " + prefixTerm(word.substr(0, i) + " " + word.substr(i, j - i) + " " +
                                           word.substr(j));
            }
        }
    }
    return out + ")";
}

/// Every typed word must match (in any order); adjacent typed words may also be one stored
/// word ("mc donald" finds "McDonald").
std::string anywhereQuery(const std::vector<std::string>& words) {
    const std::size_t n = words.size();
    const std::size_t joins = n <= kMaxJoinedWords ? n - 1 : 0;
    std::string out;
    for (std::size_t mask = 0; mask < (std::size_t{1} << joins); ++mask) {
        std::string option;
        std::string group = words[0];
        for (std::size_t i = 1; i <= n; ++i) {
            if (i < n && i - 1 < joins && ((mask >> (i - 1)) & 1U) != 0) {
                group += words[i];
                continue;
            }
            option += (option.empty() ? "" : " AND ") + wordOrSplit(group);
            if (i < n) {
                group = words[i];
            }
        }
        out += (out.empty() ? "(" : " OR (") + option + ")";
    }
    return out;
}

/// Runs one FTS stage (FTS5 walks its matches in rowid order, so LIMIT stops it early even
/// for a one-letter prefix) and appends the new matches sorted by their folded name.
Status ftsStage(Connection& c, const std::string& match, int archived, std::size_t fetch,
                std::vector<Patient>& out, std::set<std::int64_t>& seen, std::size_t limit) {
    std::vector<std::pair<std::string, Patient>> found;
    auto st = Statement::on(c, std::string("SELECT ") + kColumns +
                                   ", s.name FROM patient_search s JOIN patient p ON "
                                   "p.id = s.rowid WHERE patient_search MATCH ?1 AND "
                                   "(p.archived = 0 OR ?2) ORDER BY s.rowid LIMIT ?3");
    if (auto s = st.bindAll(match, archived, static_cast<std::int64_t>(fetch))
                     .forEachRow([&](const Statement& row) {
                         Patient p = readPatient(row);
                         if (!seen.contains(p.id)) {
                             found.emplace_back(row.columnText(6), std::move(p));
                         }
                     });
        !s) {
        return s;
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
    });
    for (auto& [key, p] : found) {
        if (out.size() >= limit) {
            break;
        }
        seen.insert(p.id);
        out.push_back(std::move(p));
    }
    return {};
}

/// `v` quoted, cut to about 120 bytes (at a character boundary) so one audit line stays
/// readable; the audit log escapes any control character.
std::string quotedValue(std::string_view v) {
    constexpr std::size_t kMax = 120;
    if (v.size() <= kMax) {
        return '"' + std::string(v) + '"';
    }
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0U) == 0x80U) {
        --cut; // not inside a UTF-8 sequence
    }
    return '"' + std::string(v.substr(0, cut)) + "\"...";
}

/// What an edit changed, field by field: `name: "Old" -> "New"; contact: "" -> "555"`.
std::string changes(const Patient& before, const Patient& after) {
    std::string out;
    const auto field = [&](const char* name, const std::string& a, const std::string& b) {
        if (a != b) {
            out += (out.empty() ? "" : "; ") + std::string(name) + ": " + quotedValue(a) + " -> " +
                   quotedValue(b);
        }
    };
    field("name", before.name, after.name);
    field("birth_date", before.birthDate, after.birthDate);
    field("record_number", before.recordNumber, after.recordNumber);
    field("contact", before.contact, after.contact);
    if (before.archived != after.archived) {
        out += (out.empty() ? "" : "; ") + std::string("archived: ") +
               (before.archived ? "yes -> no" : "no -> yes");
    }
    return out.empty() ? "no field changed" : out;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) {
        return {};
    }
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

} // namespace

// Shared with the server backend (RecordChecks.h).
Status checkPatient(const Patient& p) {
    return validatePatient(p);
}
std::string patientChanges(const Patient& before, const Patient& after) {
    return changes(before, after);
}
std::string searchDatePrefix(std::string_view query) {
    return datePrefix(query);
}
std::string trimmedQuery(std::string_view query) {
    return trim(query);
}

Result<std::vector<Patient>> SqlitePatientRepository::list(ListOptions options) {
    return Statement::on(db_.connection(), std::string("SELECT ") + kColumns +
                                               " FROM patient p WHERE p.archived = 0 OR ?1 "
                                               "ORDER BY p.name COLLATE NOCASE, p.id "
                                               "LIMIT ?2 OFFSET ?3")
        .bindAll(options.includeArchived, options.limit > 0 ? options.limit : -1,
                 std::max(0, options.offset))
        .queryAll(readPatient);
}

Result<std::int64_t> SqlitePatientRepository::add(const Patient& patient) {
    if (auto s = validatePatient(patient); !s) {
        return s.error();
    }
    return SqliteAuditLog::insertRecorded(
        db_,
        Statement::on(db_.connection(),
                      "INSERT INTO patient(name, birth_date, record_number, contact, archived, "
                      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")
            .bindAll(patient.name, patient.birthDate, patient.recordNumber, patient.contact,
                     patient.archived, isoDateTime(Clock::current().now())),
        "patient.add", "patient");
}

Result<Patient> SqlitePatientRepository::get(std::int64_t id) {
    return Statement::on(db_.connection(),
                         std::string("SELECT ") + kColumns + " FROM patient p WHERE p.id = ?1")
        .bindAll(id)
        .queryOne(readPatient, missingRow("patient", id));
}

Status SqlitePatientRepository::update(const Patient& patient) {
    if (auto s = validatePatient(patient); !s) {
        return s;
    }
    return Transaction::run(db_.connection(), [&] {
        auto before = get(patient.id);
        if (!before) {
            return Status(before.error());
        }
        if (before->archived) {
            const std::string id = std::to_string(patient.id);
            return Status(Error::refused(
                "patient " + id +
                " is archived and read-only: editing is refused; restore the patient first "
                "('hepdesk-cli patient archive " +
                id + " --undo')"));
        }
        if (auto s =
                Statement::on(db_.connection(), "UPDATE patient SET name = ?2, birth_date = ?3, "
                                                "record_number = ?4, contact = ?5, archived = ?6, "
                                                "updated_at = ?7 WHERE id = ?1")
                    .bindAll(patient.id, patient.name, patient.birthDate, patient.recordNumber,
                             patient.contact, patient.archived, isoDateTime(Clock::current().now()))
                    .executeOnExisting(missingRow("patient", patient.id));
            !s) {
            return s;
        }
        return SqliteAuditLog::record(db_, "patient.edit", "patient", patient.id,
                                      changes(*before, patient));
    });
}

Status SqlitePatientRepository::setArchived(std::int64_t id, bool archived) {
    return Transaction::run(db_.connection(), [&] {
        if (auto s = Statement::on(db_.connection(), "UPDATE patient SET archived = ?2, "
                                                     "updated_at = ?3 WHERE id = ?1")
                         .bindAll(id, archived, isoDateTime(Clock::current().now()))
                         .executeOnExisting(missingRow("patient", id));
            !s) {
            return s;
        }
        return SqliteAuditLog::record(db_, archived ? "patient.archive" : "patient.unarchive",
                                      "patient", id);
    });
}

Result<std::vector<Patient>> SqlitePatientRepository::search(std::string_view query,
                                                             SearchOptions options) {
    if (auto s = checkText(query, "search text", kMaxNameBytes); !s) {
        return s.error();
    }
    const std::string q = trim(query);
    std::vector<Patient> out;
    if (q.empty() || options.limit <= 0) {
        return out;
    }
    const auto limit = static_cast<std::size_t>(options.limit);
    const int archived = options.includeArchived ? 1 : 0;
    std::set<std::int64_t> seen;

    // Appends the patients matching `where` (with ?1 = `value`) in `order`.
    const auto stage = [&](const char* where, std::string_view value, const char* order) {
        return collect(Statement::on(db_.connection(),
                                     std::string("SELECT ") + kColumns + " FROM patient p WHERE " +
                                         where + " AND (p.archived = 0 OR ?2) ORDER BY " + order)
                           .bindAll(value, archived),
                       out, seen, limit);
    };
    // 1. A record number typed in full is the most certain match there is.
    if (auto s = stage("p.record_number = ?1 COLLATE NOCASE AND p.record_number <> ''", q, "p.id");
        !s) {
        return s.error();
    }
    // 2. A date of birth (or its year or month).
    if (const std::string prefix = datePrefix(q); !prefix.empty()) {
        if (auto s = stage("p.birth_date <> '' AND p.birth_date >= ?1 AND p.birth_date < ?1 || '~'",
                           prefix, "p.birth_date, p.id");
            !s) {
            return s.error();
        }
    }
    // 3. Names whose first word starts with the first word typed (every other word typed
    // must start some word), then names and record numbers with all words anywhere. Ranking is
    // by these classes, alphabetical (folded) within one.
    const std::vector<std::string> words = ftsWords(searchKey(q));
    if (!words.empty() && out.size() < limit) {
        std::string initial = "name : ^" + prefixTerm(words[0]);
        for (std::size_t i = 1; i < words.size(); ++i) {
            initial += " AND " + prefixTerm(words[i]);
        }
        const std::string anywhere = anywhereQuery(words);
        if (auto s =
                ftsStage(db_.connection(), initial, archived, limit - out.size(), out, seen, limit);
            !s) {
            return s.error();
        }
        if (out.size() < limit) {
            if (auto s = ftsStage(db_.connection(), anywhere, archived, limit + out.size(), out,
                                  seen, limit);
                !s) {
                return s.error();
            }
        }
    }
    return out;
}

} // namespace hepdesk::db
