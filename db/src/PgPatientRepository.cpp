#include "PgSearchIndex.h"
#include "RecordChecks.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/PgRepositories.h"
#include "hepdesk/db/SearchKey.h"
#include "hepdesk/db/Sqlite.h"

#include <algorithm>
#include <set>

namespace hepdesk::db {
namespace {

constexpr const char* kColumns =
    "p.id, p.name, p.birth_date, p.record_number, p.contact, p.archived";
/// SQLite's NOCASE: ASCII letters folded, bytes compared.
constexpr const char* kNoCase =
    "translate(%s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE \"C\"";

std::string noCase(const std::string& column) {
    std::string out = kNoCase;
    out.replace(out.find("%s"), 2, column);
    return out;
}

// As on SQLite (db/src/PatientRepository.cpp): the longest word tried as two (three) stored
// words, and most words tried joined; these bound the size of the query.
constexpr std::size_t kMaxSplitWord = 32;
constexpr std::size_t kMaxSplitTwiceWord = 16;
constexpr std::size_t kMaxJoinedWords = 4;
/// Shortest typed word whose matches the every-word stage gathers as a set (see below).
constexpr std::size_t kMinGatheredWord = 3;

bool asciiBoundary(const std::string& word, std::size_t i) {
    return static_cast<unsigned char>(word[i - 1]) < 0x80 &&
           static_cast<unsigned char>(word[i]) < 0x80;
}

/// A stored word of patient_search row `row` equal to (exact) or starting with (!exact) the
/// text in `value`. The prefix is also written as a byte range, so the term index is used
/// even though the value is only known when the query runs (a LIKE with a parameter's
/// pattern cannot use it); the words hold no LIKE wildcards (searchWords).
std::string termIs(const std::string& row, const std::string& value, bool exact) {
    if (exact) {
        return row + ".term = " + value;
    }
    return row + ".term ~>=~ " + value + " AND " + row + ".term ~<~ (" + value +
           " || chr(1114111)) AND " + row + ".term LIKE " + value + " || '%'";
}

/// The patients one typed word matches, as a subquery adding its values to `params`: a stored
/// word it starts, or two or three adjacent stored words of one field it spells (the last one
/// only started), since people leave out the punctuation and spaces inside a name ("obrien"
/// finds "O'Brien", stored as "o" and "brien"; "delacruz" finds "de la Cruz"). With `patient`
/// (an SQL expression), only that patient's rows are looked at: a test for one candidate.
///
/// Each split is looked up by its longest part (the rarest, as a rule) and the other parts
/// checked on that patient's neighbouring words: looked up by a short part, "r" + "oberts"
/// would go through the "r" of every "R-..." record number in the clinic.
std::string wordOrSplit(const std::string& word, std::vector<PgParam>& params,
                        const std::string& patient = {}) {
    const auto param = [&](PgParam v) {
        params.push_back(std::move(v));
        return "$" + std::to_string(params.size());
    };
    std::string sql = "SELECT patient_id FROM patient_search WHERE term LIKE " + param(word) +
                      " || '%'" + (patient.empty() ? "" : " AND patient_id = " + patient);
    // parts[k][d]: the splits into k + 2 parts whose part d is the longest, part by part.
    std::vector<std::string> parts[2][3][3];
    const auto add = [&](const std::vector<std::string>& split) {
        // The longest part; between parts as long, a whole word after the first (a first
        // letter is often an initial or the "R" of every record number; the last part is only
        // a beginning, so it matches more).
        const auto weight = [&](std::size_t i) {
            return split[i].size() * 2 + (i > 0 && i + 1 < split.size() ? 1 : 0);
        };
        std::size_t d = 0;
        for (std::size_t i = 1; i < split.size(); ++i) {
            if (weight(i) > weight(d)) {
                d = i;
            }
        }
        for (std::size_t i = 0; i < split.size(); ++i) {
            parts[split.size() - 2][d][i].push_back(split[i]);
        }
    };
    const std::size_t n = word.size();
    for (std::size_t i = 1; n <= kMaxSplitWord && i < n; ++i) {
        if (!asciiBoundary(word, i)) {
            continue;
        }
        add({word.substr(0, i), word.substr(i)});
        for (std::size_t j = i + 1; n <= kMaxSplitTwiceWord && j < n; ++j) {
            if (asciiBoundary(word, j)) {
                add({word.substr(0, i), word.substr(i, j - i), word.substr(j)});
            }
        }
    }
    const char* names[] = {"a", "b", "c"};
    for (std::size_t k = 0; k < 2; ++k) {
        const std::size_t count = k + 2;
        for (std::size_t d = 0; d < count; ++d) {
            if (parts[k][d][0].empty()) {
                continue;
            }
            std::string columns;
            std::string arrays;
            for (std::size_t i = 0; i < count; ++i) {
                columns += std::string(i > 0 ? ", " : "") + names[i];
                arrays += (i > 0 ? ", " : "") + param(pgTextArray(parts[k][d][i])) + "::text[]";
            }
            sql += std::string(patient.empty() ? " UNION" : " UNION ALL") +
                   " SELECT sd.patient_id FROM unnest(" + arrays + ") AS sp(" + columns +
                   ") JOIN patient_search sd ON " +
                   termIs("sd", std::string("sp.") + names[d], d + 1 < count) +
                   (patient.empty() ? "" : " AND sd.patient_id = " + patient) + " WHERE true";
            // OFFSET 0 keeps each check a test of this row's neighbours (not a join the
            // planner could start from the short part).
            for (std::size_t i = 0; i < count; ++i) {
                if (i == d) {
                    continue;
                }
                const std::string offset =
                    std::to_string(static_cast<int>(i) - static_cast<int>(d));
                sql += " AND EXISTS (SELECT 1 FROM patient_search so WHERE so.patient_id = "
                       "sd.patient_id AND so.field = sd.field AND so.position = sd.position + " +
                       offset + " AND " +
                       termIs("so", std::string("sp.") + names[i], i + 1 < count) + " OFFSET 0)";
            }
        }
    }
    return sql;
}

/// Every typed word must match (in any order); adjacent typed words may also be one stored
/// word ("mc donald" finds "McDonald"). A condition on patient p: one set of patient ids, the
/// union over the ways of joining words; for each way, the patients the longest word matches
/// (the rarest, as a rule), narrowed by the other words. So "r 145909" does not gather the
/// whole clinic for the "r" of every record number.
std::string anywhereCondition(const std::vector<std::string>& words, std::vector<PgParam>& params) {
    const std::size_t n = words.size();
    const std::size_t joins = n <= kMaxJoinedWords ? n - 1 : 0;
    std::string out;
    for (std::size_t mask = 0; mask < (std::size_t{1} << joins); ++mask) {
        std::vector<std::string> groups{words[0]};
        for (std::size_t i = 1; i < n; ++i) {
            if (i - 1 < joins && ((mask >> (i - 1)) & 1U) != 0) {
                groups.back() += words[i];
            } else {
                groups.push_back(words[i]);
            }
        }
        std::size_t longest = 0;
        for (std::size_t g = 1; g < groups.size(); ++g) {
            if (groups[g].size() > groups[longest].size()) {
                longest = g;
            }
        }
        std::string option =
            "SELECT c.id FROM (" + wordOrSplit(groups[longest], params) + ") AS c(id) WHERE true";
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (g == longest) {
                continue;
            }
            // A word of three letters or more matches few enough patients to gather them once;
            // a shorter one ("r", "mc") is tested on each candidate instead.
            option += groups[g].size() >= kMinGatheredWord
                          ? " AND c.id IN (" + wordOrSplit(groups[g], params) + ")"
                          : " AND EXISTS (" + wordOrSplit(groups[g], params, "c.id") + ")";
        }
        out += (out.empty() ? "(" : " UNION (") + option + ")";
    }
    // ARRAY(...): computed once, then each patient fetched through its primary key; as IN,
    // the planner (not knowing how few ids are left) may walk every patient.
    return "p.id = ANY (ARRAY(SELECT m.id FROM (" + out + ") AS m(id)))";
}

Patient readPatient(const PgResult& r, int i) {
    Patient p;
    p.id = r.int64(i, 0);
    p.name = r.text(i, 1);
    p.birthDate = r.text(i, 2);
    p.recordNumber = r.text(i, 3);
    p.contact = r.text(i, 4);
    p.archived = r.boolean(i, 5);
    return p;
}

std::vector<Patient> readAll(const PgResult& r) {
    std::vector<Patient> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(readPatient(r, i));
    }
    return out;
}

} // namespace

Result<std::vector<Patient>> PgPatientRepository::list(ListOptions options) {
    auto r = db_.connection().exec(
        std::string("SELECT ") + kColumns + " FROM patient p WHERE NOT p.archived OR $1 ORDER BY " +
            noCase("p.name") + ", p.id LIMIT $2 OFFSET $3",
        {options.includeArchived, options.limit > 0 ? PgParam(options.limit) : PgParam(),
         std::max(0, options.offset)});
    if (!r) {
        return r.error();
    }
    return readAll(*r);
}

Result<std::int64_t> PgPatientRepository::add(const Patient& p) {
    if (auto s = checkPatient(p); !s) {
        return s.error();
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Result<std::int64_t> {
        auto r = conn.exec("INSERT INTO patient(name, birth_date, record_number, contact, "
                           "archived, created_at, updated_at) "
                           "VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                           {p.name, p.birthDate, p.recordNumber, p.contact, p.archived,
                            isoDateTime(Clock::current().now())});
        if (!r) {
            return r.error();
        }
        const std::int64_t id = r->int64(0, 0);
        if (auto s = indexPatient(conn, id, p.name, p.recordNumber); !s) {
            return s.error();
        }
        if (auto s = PgAuditLog::record(db_, "patient.add", "patient", id); !s) {
            return s.error();
        }
        return id;
    });
}

Result<Patient> PgPatientRepository::get(std::int64_t id) {
    auto r = db_.connection().exec(
        std::string("SELECT ") + kColumns + " FROM patient p WHERE p.id = $1", {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("patient", id);
    }
    return readPatient(*r, 0);
}

Status PgPatientRepository::update(const Patient& p) {
    if (auto s = checkPatient(p); !s) {
        return s;
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        auto r = conn.exec(std::string("SELECT ") + kColumns +
                               " FROM patient p WHERE p.id = $1 FOR UPDATE",
                           {p.id});
        if (!r) {
            return r.error();
        }
        if (r->rows() == 0) {
            return missingRow("patient", p.id);
        }
        const Patient before = readPatient(*r, 0);
        if (before.archived) {
            const std::string id = std::to_string(p.id);
            return Error::refused(
                "patient " + id +
                " is archived and read-only: editing is refused; restore the patient first "
                "('hepdesk-cli patient archive " +
                id + " --undo')");
        }
        if (auto u = conn.exec("UPDATE patient SET name = $2, birth_date = $3, "
                               "record_number = $4, contact = $5, archived = $6, "
                               "updated_at = $7 WHERE id = $1",
                               {p.id, p.name, p.birthDate, p.recordNumber, p.contact, p.archived,
                                isoDateTime(Clock::current().now())});
            !u) {
            return u.error();
        }
        if (auto s = indexPatient(conn, p.id, p.name, p.recordNumber); !s) {
            return s;
        }
        return PgAuditLog::record(db_, "patient.edit", "patient", p.id, patientChanges(before, p));
    });
}

Status PgPatientRepository::setArchived(std::int64_t id, bool archived) {
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        auto r = conn.exec("UPDATE patient SET archived = $2, updated_at = $3 WHERE id = $1",
                           {id, archived, isoDateTime(Clock::current().now())});
        if (!r) {
            return r.error();
        }
        if (r->affected() == 0) {
            return missingRow("patient", id);
        }
        return PgAuditLog::record(db_, archived ? "patient.archive" : "patient.unarchive",
                                  "patient", id);
    });
}

Result<std::vector<Patient>> PgPatientRepository::search(std::string_view query,
                                                         SearchOptions options) {
    if (auto s = checkText(query, "search text", kMaxNameBytes); !s) {
        return s.error();
    }
    const std::string q = trimmedQuery(query);
    std::vector<Patient> out;
    if (q.empty() || options.limit <= 0) {
        return out;
    }
    const auto limit = static_cast<std::size_t>(options.limit);
    std::set<std::int64_t> seen;
    auto& conn = db_.connection();
    // Appends the new matches of one stage, in its order, until `limit`.
    const auto take = [&](std::vector<Patient> found) {
        for (Patient& p : found) {
            if (out.size() >= limit) {
                break;
            }
            if (seen.insert(p.id).second) {
                out.push_back(std::move(p));
            }
        }
    };
    const std::string select =
        std::string("SELECT ") + kColumns + " FROM patient p WHERE (NOT p.archived OR $1) AND ";
    const std::vector<std::string> words = searchWords(searchKey(q));
    // 1. A record number typed in full is the most certain match there is. Two record numbers
    // that differ only in case have the same folded words at the same places, so the search
    // index finds the candidates by the longest word (the rarest, as a rule: "136589" rather
    // than the "r" of every "R-..."), instead of a pass over every patient.
    std::vector<PgParam> exactParams{options.includeArchived, q};
    std::string candidates;
    if (!words.empty()) {
        std::size_t longest = 0;
        for (std::size_t i = 1; i < words.size(); ++i) {
            if (words[i].size() > words[longest].size()) {
                longest = i;
            }
        }
        exactParams.emplace_back(words[longest]);
        exactParams.emplace_back(static_cast<std::int64_t>(longest));
        candidates = "p.id IN (SELECT patient_id FROM patient_search WHERE term = $3 AND "
                     "field = 'record' AND position = $4) AND ";
    }
    auto exact =
        conn.exec(select + candidates + "p.record_number <> '' AND " + noCase("p.record_number") +
                      " = " + noCase("$2::text") + " ORDER BY p.id",
                  exactParams);
    if (!exact) {
        return exact.error();
    }
    take(readAll(*exact));
    // 2. A date of birth (or its year or month).
    if (const std::string prefix = searchDatePrefix(q); !prefix.empty() && out.size() < limit) {
        auto dates =
            conn.exec(select + "p.birth_date <> '' AND p.birth_date COLLATE \"C\" >= $2 AND "
                               "p.birth_date COLLATE \"C\" < $2 || '~' "
                               "ORDER BY p.birth_date COLLATE \"C\", p.id",
                      {options.includeArchived, prefix});
        if (!dates) {
            return dates.error();
        }
        take(readAll(*dates));
    }
    // 3. As on SQLite: names whose first word starts with the first word typed (every other
    // word typed must start some word), then names and record numbers with all words
    // anywhere; first matches by id, alphabetical (folded) within one stage.
    const auto wordStage = [&](bool initial, std::size_t fetch) -> Status {
        std::string sql = select + "true";
        std::vector<PgParam> params{options.includeArchived};
        if (initial && words.size() == 1) {
            params.emplace_back(words[0]);
            sql += " AND EXISTS (SELECT 1 FROM patient_search s WHERE s.patient_id = p.id AND "
                   "s.field = 'name' AND s.position = 0 AND s.term LIKE $2 || '%')";
        } else if (initial) {
            // Several words: the patients the longest one matches (the rarest, as a rule),
            // tested for the others and fetched by id; the server would otherwise walk the
            // patients in id order looking for the rare word ("R-145909": "r", "145909").
            std::size_t longest = 0;
            for (std::size_t i = 1; i < words.size(); ++i) {
                if (words[i].size() > words[longest].size()) {
                    longest = i;
                }
            }
            const auto matches = [&](std::size_t i, const std::string& row) {
                params.emplace_back(words[i]);
                return (i == 0 ? row + ".field = 'name' AND " + row + ".position = 0 AND " : "") +
                       row + ".term LIKE $" + std::to_string(params.size()) + " || '%'";
            };
            sql += " AND p.id = ANY (ARRAY(SELECT c.patient_id FROM patient_search c WHERE " +
                   matches(longest, "c");
            for (std::size_t i = 0; i < words.size(); ++i) {
                if (i != longest) {
                    sql += " AND EXISTS (SELECT 1 FROM patient_search s WHERE s.patient_id = "
                           "c.patient_id AND " +
                           matches(i, "s") + ")";
                }
            }
            sql += "))";
        } else {
            sql += " AND " + anywhereCondition(words, params);
        }
        params.emplace_back(static_cast<std::int64_t>(fetch));
        sql += " ORDER BY p.id LIMIT $" + std::to_string(params.size());
        auto r = conn.exec(sql, params);
        if (!r) {
            return r.error();
        }
        std::vector<std::pair<std::string, Patient>> found;
        for (Patient& p : readAll(*r)) {
            if (!seen.contains(p.id)) {
                found.emplace_back(searchKey(p.name), std::move(p));
            }
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
        });
        std::vector<Patient> sorted;
        for (auto& f : found) {
            sorted.push_back(std::move(f.second));
        }
        take(std::move(sorted));
        return {};
    };
    if (!words.empty() && out.size() < limit) {
        if (auto s = wordStage(true, limit - out.size()); !s) {
            return s.error();
        }
        if (out.size() < limit) {
            if (auto s = wordStage(false, limit + out.size()); !s) {
                return s.error();
            }
        }
    }
    return out;
}

} // namespace hepdesk::db
