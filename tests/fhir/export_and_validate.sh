#!/bin/sh
# Exports FHIR R4 Bundles with the real hepdesk-cli and validates every Bundle and each of its
# resources with the installed validator (Medplum's validateResource on the R4 profiles):
# the three example screenings, a signed session with addenda, an emergency session with an
# override (its kind coded in the Provenance), a follow-up with the PSFS, the clinic's stored record
# number system, and patients named in Greek, Cyrillic and Vietnamese. Then proves the validator is
# live: a Bundle broken on purpose must fail.
# Usage: export_and_validate.sh HEPDESK_CLI VALIDATOR_DIR TEMPLATES_DIR WORK_DIR
set -eu
cli=$1
validator=$2
templates=$3
work=$4
rm -rf "$work"
mkdir -p "$work"
db="$work/fhir.db"
ex="$templates/schema/examples"
run() { "$cli" --db "$db" "$@"; }

run clinician add --name "Ana Ruiz" --credentials "PT, DPT" >/dev/null
run clinician add --name "Tomás Ortega" --credentials "PT" >/dev/null
run patient add --name "Ελένη Παπαδοπούλου" --birth-date 1961-04-12 --record "GR-0042" >/dev/null
run patient add --name "Иван Петрович Смирнов" --birth-date 1975-09-30 --record "RU-17" >/dev/null
run patient add --name "Nguyễn Thị Phương" --birth-date 1990-01-05 >/dev/null

# Patient 1: the low-back example, signed, with two addenda by two clinicians.
run session new --patient 1 --clinician 1 --screening "$ex/low-back-osteoporosis.json" \
    --exercise cat_cow >/dev/null
run session sign 1 --clinician 1 >/dev/null
run session addendum 1 --clinician 1 --text "Called the patient: pain is better." >/dev/null
run session addendum 1 --clinician 2 --text "Bone density report received." >/dev/null
# Patient 2: the emergency example; exercises only with an override (its kind and sentence,
# stored with who and when), signed, then reprinted and given an addendum. (An override given
# after signing, with its Provenance, is covered by visit_tests' FhirExportTest.)
run session new --patient 2 --clinician 1 --screening "$ex/cauda-equina-emergency.json" \
    --exercise cat_cow --override-kind declines_referral \
    --override-reason "Patient declined the emergency referral in writing" >/dev/null
run session sign 2 --clinician 1 >/dev/null
run handout --session 2 -o "$work/override.pdf" >/dev/null
run session addendum 2 --clinician 2 --text "Ambulance called; patient transferred." >/dev/null
# Patient 3: the neck example as a draft, and a second, signed visit.
run session new --patient 3 --clinician 2 --screening "$ex/neck-routine.json" >/dev/null
run session new --patient 3 --clinician 2 --screening "$ex/neck-routine.json" \
    --exercise chin_tuck >/dev/null
run session sign 4 --clinician 2 --paper letter >/dev/null
# Patient 3's follow-up with the Patient-Specific Functional Scale (two rated activities, one
# not rated yet), signed.
run session new --patient 3 --clinician 2 --screening "$ex/neck-follow-up-psfs.json" \
    --exercise chin_tuck >/dev/null
run session sign 5 --clinician 2 >/dev/null

# The clinic's record number system, stored (patient exports below give their own).
run clinic set --name "Clínica Sol" --record-system "https://clinica-sol.example/fhir/mrn" \
    >/dev/null

bundles=""
for s in 1 2 3 4 5; do
    run session export "$s" --format fhir --out "$work/session-$s.json" >/dev/null
    bundles="$bundles $work/session-$s.json"
done
for p in 1 2 3; do
    run patient export "$p" --format fhir --record-system "urn:oid:1.2.3.4.5" \
        --out "$work/patient-$p.json" >/dev/null
    bundles="$bundles $work/patient-$p.json"
done

# shellcheck disable=SC2086 # one argument per Bundle
node "$validator/validate.js" $bundles

# The PSFS is in the export: each rated activity and the mean.
grep -q '"text": "Turning my head to reverse the car"' "$work/session-5.json"
grep -q '"code": "psfs-mean"' "$work/session-5.json"
# The override's kind is coded in its Provenance; the stored record number system is used.
grep -q '"code": "declines_referral"' "$work/session-2.json"
grep -q '"system": "https://clinica-sol.example/fhir/mrn"' "$work/session-1.json"
grep -q '"system": "urn:oid:1.2.3.4.5"' "$work/patient-1.json"

# A Bundle broken on purpose (an impossible birth date, an unknown element) must fail.
sed -e 's/"birthDate": "1961-04-12"/"birthDate": "1961-13-45"/' \
    -e 's/"resourceType": "Patient"/"resourceType": "Patient", "shoeSize": 42/' \
    "$work/session-1.json" >"$work/broken.json"
if node "$validator/validate.js" "$work/broken.json" >"$work/broken.log" 2>&1; then
    echo "the validator accepted a broken Bundle:" >&2
    cat "$work/broken.log" >&2
    exit 1
fi
grep -q "Invalid date format" "$work/broken.log"
grep -q 'Invalid additional property "shoeSize"' "$work/broken.log"
echo "the validator refused the broken Bundle, as it must"
