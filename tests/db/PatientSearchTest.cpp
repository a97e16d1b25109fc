#include "EachBackend.h"
#include "TestSupport.h"
#include "hepdesk/db/Database.h"
#include "hepdesk/db/PatientRepository.h"
#include "hepdesk/db/SearchKey.h"

#include <gtest/gtest.h>

namespace hepdesk::db {
namespace {

TEST(SearchKey, FoldsAccentsLettersAndScriptsToLowerAscii) {
    EXPECT_EQ(searchKey("Zoë"), "zoe");
    EXPECT_EQ(searchKey("Łukasz"), "lukasz");
    EXPECT_EQ(searchKey("Ørsted"), "orsted");
    EXPECT_EQ(searchKey("Straße"), "strasse");
    EXPECT_EQ(searchKey("Αλέξανδρος"), "alexandros");
    EXPECT_EQ(searchKey("Юлия Сергеевна"), "ulia sergeevna");
    EXPECT_EQ(searchKey("O'BRIEN"), "o'brien");
}

// A capital and its small letter meet on one key, and a key folds to itself, even for the
// letters whose capitals transliterate differently (found by the search-key fuzzer).
TEST(SearchKey, CapitalAndSmallLetterMeetOnOneKey) {
    for (const auto& [capital, small] : std::vector<std::pair<std::string, std::string>>{
             {"\u0220", "\u019E"}, // N with long right leg
             {"\u01F6", "\u0195"}, // hwair
             {"\uA7AD", "\u026C"}, // L with belt
             {"\u01A6", "\u0280"}, // yr
             {"\u037F", "\u03F3"}, // Greek yot
         }) {
        const std::string key = searchKey(small);
        EXPECT_EQ(searchKey(capital), key) << capital;
        EXPECT_EQ(searchKey(key), key) << capital;
    }
}

/// Every search example holds on both backends: a SQLite file and a clinic server.
class PatientSearchTest : public testing::EachBackend {
protected:
    void SetUp() override {
        EachBackend::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        repo_ = &store().patients();
        for (const Patient& p : {
                 Patient{0, "Zoë Ørsted", "1980-02-29", "R-1042", "", false},
                 Patient{0, "Łukasz Nowak", "1975-06-01", "R-2001", "", false},
                 Patient{0, "Hans Straße", "1990-12-24", "", "", false},
                 Patient{0, "Αλέξανδρος Παπαδόπουλος", "1962-03-15", "G-7", "", false},
                 Patient{0, "Юлия Сергеевна Иванова", "1988-09-09", "", "", false},
                 Patient{0, "Alex Morgan", "1980-07-04", "R-3000", "", false},
                 Patient{0, "Zoe Alexander", "2001-01-01", "", "", false},
                 Patient{0, "Archived Zoe", "", "", "", true},
             }) {
            auto id = repo_->add(p);
            ASSERT_TRUE(id.ok()) << id.error().message;
        }
    }
    std::vector<std::string> names(std::string_view q, PatientRepository::SearchOptions o = {}) {
        auto r = repo_->search(q, o);
        EXPECT_TRUE(r.ok()) << r.error().message;
        std::vector<std::string> out;
        for (const Patient& p : *r) {
            out.push_back(p.name);
        }
        return out;
    }
    static bool has(const std::vector<std::string>& v, std::string_view name) {
        return std::find(v.begin(), v.end(), name) != v.end();
    }

    PatientRepository* repo_ = nullptr;
};

HEPDESK_ON_EACH_BACKEND(PatientSearchTest);

TEST_P(PatientSearchTest, FindsAcrossAccentsLettersAndScripts) {
    EXPECT_TRUE(has(names("zoe"), "Zoë Ørsted"));
    EXPECT_TRUE(has(names("lukas"), "Łukasz Nowak"));
    EXPECT_TRUE(has(names("orsted"), "Zoë Ørsted"));
    EXPECT_TRUE(has(names("strasse"), "Hans Straße"));
    EXPECT_TRUE(has(names("alex"), "Αλέξανδρος Παπαδόπουλος"));
    EXPECT_TRUE(has(names("sergeevna"), "Юлия Сергеевна Иванова"));
    // The query is folded the same way: typing in the patient's own script works too.
    EXPECT_TRUE(has(names("Сергеев"), "Юлия Сергеевна Иванова"));
    EXPECT_TRUE(has(names("ØRST"), "Zoë Ørsted"));
    EXPECT_EQ(names("nobody"), std::vector<std::string>{});
}

TEST_P(PatientSearchTest, EveryWordIsAPrefixAndAllMustMatch) {
    EXPECT_EQ(names("zo ors"), std::vector<std::string>{"Zoë Ørsted"});
    EXPECT_EQ(names("ors zo"), std::vector<std::string>{"Zoë Ørsted"});
    EXPECT_EQ(names("hans strasse"), std::vector<std::string>{"Hans Straße"});
}

TEST_P(PatientSearchTest, RanksNamesStartingWithTheQueryFirst) {
    const auto r = names("alex");
    ASSERT_EQ(r.size(), 3U);
    // "Alex Morgan" and "Αλέξανδρος" begin with "alex"; "Zoe Alexander" only has a later word.
    EXPECT_EQ(r.back(), "Zoe Alexander");
}

TEST_P(PatientSearchTest, FindsByRecordNumberAndDateOfBirth) {
    EXPECT_EQ(names("R-1042").at(0), "Zoë Ørsted");
    EXPECT_EQ(names("r-1042").at(0), "Zoë Ørsted");
    EXPECT_EQ(names("1042").at(0), "Zoë Ørsted");
    EXPECT_EQ(names("1980-02-29"), std::vector<std::string>{"Zoë Ørsted"});
    EXPECT_EQ(names("29.02.1980"), std::vector<std::string>{"Zoë Ørsted"});
    const auto year = names("1980");
    EXPECT_TRUE(has(year, "Zoë Ørsted"));
    EXPECT_TRUE(has(year, "Alex Morgan"));
    EXPECT_EQ(year.size(), 2U);
}

TEST_P(PatientSearchTest, ArchivedPatientsOnlyWhenAsked) {
    EXPECT_FALSE(has(names("archived"), "Archived Zoe"));
    EXPECT_TRUE(has(names("archived", {50, true}), "Archived Zoe"));
}

TEST_P(PatientSearchTest, SearchSyntaxAndSqlInTheQueryAreJustText) {
    for (const char* q : {"\"", "zoe\" OR \"", "*", "NEAR(a b)", "'; DROP TABLE patient; --",
                          "a AND b", "(", "-", "^zoe", "   ", ""}) {
        auto r = repo_->search(q, {});
        EXPECT_TRUE(r.ok()) << q << ": " << r.error().message;
    }
    EXPECT_EQ(repo_->list({})->size(), 7U);
    EXPECT_EQ(repo_->search("\xff\xfe", {}).error().kind, Error::Kind::InvalidInput);
}

TEST_P(PatientSearchTest, IndexFollowsEditsArchivingAndLimit) {
    auto found = repo_->search("lukasz", {});
    ASSERT_EQ(found->size(), 1U);
    Patient p = found->at(0);
    p.name = "Łucja Nowak";
    ASSERT_TRUE(repo_->update(p).ok());
    EXPECT_TRUE(names("lukasz").empty());
    EXPECT_EQ(names("lucja"), std::vector<std::string>{"Łucja Nowak"});
    ASSERT_TRUE(repo_->setArchived(p.id, true).ok());
    EXPECT_TRUE(names("lucja").empty());
    EXPECT_EQ(names("a", {2, false}).size(), 2U);
}

TEST_P(PatientSearchTest, FindsNamesTypedWithoutTheirPunctuationOrInnerSpaces) {
    for (const Patient& p : {Patient{0, "Siobhán O'Brien", "", "", "", false},
                             Patient{0, "María García-López", "", "", "", false},
                             Patient{0, "Ronan McDonald", "", "", "", false},
                             Patient{0, "Anna de la Cruz", "", "", "", false}}) {
        ASSERT_TRUE(repo_->add(p).ok());
    }
    // Apostrophes and hyphens left out, or typed as a space.
    EXPECT_EQ(names("obrien"), std::vector<std::string>{"Siobhán O'Brien"});
    EXPECT_EQ(names("o brien"), std::vector<std::string>{"Siobhán O'Brien"});
    EXPECT_EQ(names("O'Brien"), std::vector<std::string>{"Siobhán O'Brien"});
    EXPECT_EQ(names("siobhan obri"), std::vector<std::string>{"Siobhán O'Brien"});
    EXPECT_EQ(names("garcialopez"), std::vector<std::string>{"María García-López"});
    EXPECT_EQ(names("garcia lopez"), std::vector<std::string>{"María García-López"});
    EXPECT_EQ(names("García-López"), std::vector<std::string>{"María García-López"});
    // A space typed inside a name stored as one word, and the other way round.
    EXPECT_EQ(names("mc donald"), std::vector<std::string>{"Ronan McDonald"});
    EXPECT_EQ(names("mcdonald"), std::vector<std::string>{"Ronan McDonald"});
    EXPECT_EQ(names("ronan mc don"), std::vector<std::string>{"Ronan McDonald"});
    EXPECT_EQ(names("delacruz"), std::vector<std::string>{"Anna de la Cruz"});
    EXPECT_EQ(names("dela cruz"), std::vector<std::string>{"Anna de la Cruz"});
    // Splitting never makes a word match letters that are not adjacent in one name.
    EXPECT_EQ(names("obrienx"), std::vector<std::string>{});
    EXPECT_EQ(names("zoeorsted"), std::vector<std::string>{"Zoë Ørsted"});
}

TEST_P(PatientSearchTest, WordsRunTogetherWithinTheLengthsSplitsAreTriedFor) {
    for (const Patient& p :
         {Patient{0, "Abcdefg Hijklmn Opqrstuv", "", "", "", false},
          Patient{0, "Zyxwvutsrqponmlkjihg Fedcbazyxwvutsrqpon", "", "", "", false},
          Patient{0, "Ana Mo\u0294 Lee", "", "", "", false}}) {
        ASSERT_TRUE(repo_->add(p).ok());
    }
    // Three words run together: up to 16 letters.
    EXPECT_EQ(names("abcdefghijklmnop"), std::vector<std::string>{"Abcdefg Hijklmn Opqrstuv"});
    EXPECT_EQ(names("abcdefghijklmnopq"), std::vector<std::string>{});
    EXPECT_EQ(names("hijklmnopqrstuv"), std::vector<std::string>{"Abcdefg Hijklmn Opqrstuv"});
    // Two words: up to 32.
    EXPECT_EQ(names("zyxwvutsrqponmlkjihgfedcbazyxwvu"),
              std::vector<std::string>{"Zyxwvutsrqponmlkjihg Fedcbazyxwvutsrqpon"});
    EXPECT_EQ(names("zyxwvutsrqponmlkjihgfedcbazyxwvut"), std::vector<std::string>{});
    // One word: any length it has.
    EXPECT_EQ(names("fedcbazyxwvutsrqpon"),
              std::vector<std::string>{"Zyxwvutsrqponmlkjihg Fedcbazyxwvutsrqpon"});
    // A word is split only between two ASCII characters ("\u0294" stays as it is).
    EXPECT_EQ(names("anamo\u0294"), std::vector<std::string>{"Ana Mo\u0294 Lee"});
    EXPECT_EQ(names("mo\u0294 lee"), std::vector<std::string>{"Ana Mo\u0294 Lee"});
    EXPECT_EQ(names("mo\u0294lee"), std::vector<std::string>{});
    EXPECT_EQ(names("anamo\u0294lee"), std::vector<std::string>{});
}

} // namespace
} // namespace hepdesk::db
