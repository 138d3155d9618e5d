<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>burstctl</name>
    <message numerus="yes">
        <location filename="../app/burstctl/fixcommand.cpp" line="+116"/>
        <source>%1: %n workload(s) edited</source>
        <translation>
            <numerusform>%1: %n workload edited</numerusform>
            <numerusform>%1: %n workloads edited</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>core</name>
    <message numerus="yes">
        <location filename="../core/burst/ccigpu.cpp" line="+104"/>
        <source>the pod asks for %n GPU(s) but its namespace is general-computing</source>
        <translation>
            <numerusform>the pod asks for %n GPU but its namespace is general-computing</numerusform>
            <numerusform>the pod asks for %n GPUs but its namespace is general-computing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>the pod asks for %n GPU(s); CCI offers 1, 2, 4 or 8</source>
        <translation>
            <numerusform>the pod asks for %n GPU; CCI offers 1, 2, 4 or 8</numerusform>
            <numerusform>the pod asks for %n GPUs; CCI offers 1, 2, 4 or 8</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/burst/resourcenormalizer.cpp" line="+291"/>
        <source>%n GPU(s) come with %1 cpu / %2 memory</source>
        <translation>
            <numerusform>%n GPU comes with %1 cpu / %2 memory</numerusform>
            <numerusform>%n GPUs come with %1 cpu / %2 memory</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>models</name>
    <message numerus="yes">
        <location filename="../models/clustersession.cpp" line="+45"/>
        <source>watching %n namespace(s): %1</source>
        <translation>
            <numerusform>watching %n namespace: %1</numerusform>
            <numerusform>watching %n namespaces: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::LivePolicyDialog</name>
    <message numerus="yes">
        <location filename="../ui/livepolicydialog.cpp" line="+222"/>
        <source>Deleted %n object(s) in %1.</source>
        <translation>
            <numerusform>Deleted %n object in %1.</numerusform>
            <numerusform>Deleted %n objects in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="+103"/>
        <source>Loading %n path(s)…</source>
        <translation>
            <numerusform>Loading %n path…</numerusform>
            <numerusform>Loading %n paths…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+353"/>
        <source>Loaded %n file(s)</source>
        <translation>
            <numerusform>Loaded %n file</numerusform>
            <numerusform>Loaded %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+70"/>
        <source>Burst Console — %n unsaved file(s)</source>
        <translation>
            <numerusform>Burst Console — %n unsaved file</numerusform>
            <numerusform>Burst Console — %n unsaved files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TimelinePane</name>
    <message numerus="yes">
        <location filename="../ui/timelinepane.cpp" line="+318"/>
        <source>Now %1 Pending, %2 local, %3 on CCI; %n change(s) shown.</source>
        <translation>
            <numerusform>Now %1 Pending, %2 local, %3 on CCI; %n change shown.</numerusform>
            <numerusform>Now %1 Pending, %2 local, %3 on CCI; %n changes shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::WhatIfChart</name>
    <message numerus="yes">
        <location filename="../ui/whatifchart.cpp" line="+236"/>
        <source>At %n replica(s): %1 local, %2 on CCI, %3 Pending.</source>
        <translation>
            <numerusform>At %n replica: %1 local, %2 on CCI, %3 Pending.</numerusform>
            <numerusform>At %n replicas: %1 local, %2 on CCI, %3 Pending.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::WorkspacePrompts</name>
    <message numerus="yes">
        <location filename="../ui/workspaceprompts.cpp" line="+61"/>
        <source>Burst Console did not close cleanly. Recover the unsaved changes of %n file(s)?</source>
        <translation>
            <numerusform>Burst Console did not close cleanly. Recover the unsaved changes of %n file?</numerusform>
            <numerusform>Burst Console did not close cleanly. Recover the unsaved changes of %n files?</numerusform>
        </translation>
    </message>
</context>
</TS>
