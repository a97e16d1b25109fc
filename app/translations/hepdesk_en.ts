<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<!-- English is the source language: this catalogue holds only the plural forms, so that
     "%n exercise(s)" reads "1 exercise" and "2 exercises". -->
<context>
    <name>hepdesk::gui::HandoutPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation><numerusform>%n page</numerusform><numerusform>%n pages</numerusform></translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::ProtocolChooser</name>
    <message numerus="yes">
        <source>Applied “%1”: %n exercise(s) added.</source>
        <translation><numerusform>Applied “%1”: %n exercise added.</numerusform><numerusform>Applied “%1”: %n exercises added.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n caution(s) apply: see the program.</source>
        <translation><numerusform>%n caution applies: see the program.</numerusform><numerusform>%n cautions apply: see the program.</numerusform></translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::SessionHistoryModel</name>
    <message numerus="yes">
        <source>%1 % of days, %n exercise(s)</source>
        <translation><numerusform>%1 % of days, %n exercise</numerusform><numerusform>%1 % of days, %n exercises</numerusform></translation>
    </message>
</context>
<context>
    <name>hepdesk::gui::SignPage</name>
    <message numerus="yes">
        <source>Program: %n exercise(s)</source>
        <translation><numerusform>Program: %n exercise</numerusform><numerusform>Program: %n exercises</numerusform></translation>
    </message>
</context>
</TS>
