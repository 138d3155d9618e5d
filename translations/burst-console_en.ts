<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ui</name>
    <message numerus="yes">
        <location filename="../ui/placeholderwindow.cpp" line="+76"/>
        <source>Loading %n path(s)…</source>
        <translation>
            <numerusform>Loading %n path…</numerusform>
            <numerusform>Loading %n paths…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n workload(s)</source>
        <translation>
            <numerusform>%n workload</numerusform>
            <numerusform>%n workloads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n file error(s)</source>
        <translation>
            <numerusform>, %n file error</numerusform>
            <numerusform>, %n file errors</numerusform>
        </translation>
    </message>
</context>
</TS>
