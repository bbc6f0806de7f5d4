<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching</source>
        <translation>
            <numerusform>%n matching</numerusform>
            <numerusform>%n matching</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) overlap your own spans and were left for you to decide.</source>
        <translation>
            <numerusform>%n suggestion overlaps your own spans and was left for you to decide.</numerusform>
            <numerusform>%n suggestions overlap your own spans and were left for you to decide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) in this document still wait for review. Marking it done leaves them out of your annotation.</source>
        <translation>
            <numerusform>%n suggestion in this document still waits for review. Marking it done leaves it out of your annotation.</numerusform>
            <numerusform>%n suggestions in this document still wait for review. Marking it done leaves them out of your annotation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoneChecksBanner</name>
    <message numerus="yes">
        <source>%n thing(s) missing. Ctrl+Enter again marks the document done.</source>
        <translation>
            <numerusform>%n thing is missing. Ctrl+Enter again marks the document done.</numerusform>
            <numerusform>%n things are missing. Ctrl+Enter again marks the document done.</numerusform>
        </translation>
    </message>
</context>
</TS>
