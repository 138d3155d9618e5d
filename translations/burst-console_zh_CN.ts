<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>app</name>
    <message>
        <location filename="../app/console/main.cpp" line="+39"/>
        <source>Edit and preview CCE-to-CCI burst policies and monitor burst pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Manifest files or folders to open (default: the shipped examples).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[PATH...]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>burstctl</name>
    <message>
        <location filename="../app/burstctl/main.cpp" line="+17"/>
        <source>Usage: burstctl COMMAND [options]

Commands:
  preview   Show the pod CCI runs for each workload, with diagnostics
  simulate  Simulate local / CCI / Pending placement as replicas change

Run &quot;burstctl COMMAND --help&quot; for a command&apos;s options, its JSON output and the decided rules it applies.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>burstctl: unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/burstctl/previewcommand.cpp" line="+23"/>
        <source>Shows, for every pod-bearing object (Pod, Deployment, StatefulSet, ReplicaSet, ReplicationController, Job, CronJob, DaemonSet, PodTemplate) in the input, in input order: the effective burst strategy and where it comes from, the associated ScheduleProfile, whether CCI admits the pod, the pod CCI runs after image replacement, hostPath replacement and resource normalization, and diagnostics.

Decided rules (where the CCI guide is silent):
  - precedence: pod-template label &gt; workload label &gt; ScheduleProfile &gt; none;
  - an invalid label value is an error and is ignored, never read as off;
  - a profile with an empty selector captures no pods;
  - hostPath rule &quot;*&quot; covers every hostPath volume no named rule covers;
  - when an init container dominates a resource, the first app container is raised just enough for the pod to reach the normalized value;
  - when the strategy is off or unset, CCI findings are reported as info;
  - quantities above 2^63-1 (e.g. 1e400) are errors, not capped.

Exit status: 0 no error diagnostic, 1 some object or profile has an error, 2 the input cannot be read or parsed (FILE:LINE:COL: message on stderr).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Manifest file or folder to preview; &quot;-&quot; reads standard input. Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/burstctl/simulatecommand.cpp" line="+113"/>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/burstctl/simulatecommand.cpp" line="+18"/>
        <source>Output format: json (default) or yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/burstctl/simulatecommand.cpp" line="+0"/>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>virtual-kubelet runs without network interconnection (no sidecar is injected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of log policies that collect from the pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>burstctl preview: give at least one -f FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>burstctl preview: unknown output format &quot;%1&quot; (use json or yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/burstctl/simulatecommand.cpp" line="-105"/>
        <source>Simulates where a workload&apos;s pods go as its replica count changes: local nodes, CCI (the virtual-kubelet node) or Pending, and which pods are removed first on scale-down.

Rules: enforce sends every pod to CCI up to cci.maxNum; localPrefer uses the first local node that fits while local.maxNum allows, then CCI up to cci.maxNum; auto is an approximation of the real scheduler (decided): the least-allocated fitting local node, else CCI; off or no strategy: local or Pending. Scale-down removes Pending pods first, then pods of the location with the higher scaleDownPriority (decided: ties remove CCI pods first), newest first.

Output (JSON/YAML): {workload, strategy{value, source, profile}, podRequest{cpu, memory}, nodes[{name, cpu, memory}], steps[{replicas, local, cci, pending, events[{action, pod, location, node}]}]}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>burstctl simulate: bad --node &quot;%1&quot;: expected cpu=QUANTITY,memory=QUANTITY[,name=NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Manifest with the workload and any ScheduleProfiles. Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workload to simulate, NAME or KIND/NAME (default: the first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free capacity of one local node, cpu=4,memory=8Gi[,name=n1]. Repeatable; default three nodes of 4 cpu / 8Gi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPEC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replica counts to apply in order, e.g. 0,10,4,0 (default: 0 up to spec.replicas and back to 0, one step at a time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override the effective strategy: auto, localPrefer, enforce, off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STRATEGY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtual-kubelet node is locked: nothing goes to CCI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>burstctl simulate: no pod-bearing object found in the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>burstctl simulate: unknown strategy &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>burstctl simulate: --replicas takes non-negative integers separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>burstctl simulate: unknown output format</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../core/burst/burststrategy.cpp" line="+72"/>
        <source>&quot;%1&quot; is not a burst strategy; this label is ignored, not read as off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use one of auto, localPrefer, enforce or off (case-sensitive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the pod template label (%1) overrides the workload label (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the burst label overrides ScheduleProfile &quot;%1&quot; (strategy %2); a label always has priority over a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/burst/hostpathreplacement.cpp" line="+52"/>
        <source>%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &quot;%1&quot;: &quot;10Gi&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/burst/podresources.cpp" line="+45"/>
        <source>%1 must be a quantity string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be greater than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a size such as 1Gi or 500Mi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>policyType %1 needs a &quot;%2&quot; object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &quot;%1&quot;: {&quot;sizeLimit&quot;: &quot;1Gi&quot;} to entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>flexVolume.driver is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use &quot;driver&quot;: &quot;huawei.com/fuxidisk&quot; for EVS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>volumeType &quot;%1&quot; is not an EVS type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use sata (common I/O), sas (high I/O) or ssd (ultra-high I/O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>entry %1 is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>entry %1 has no volume name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name a hostPath volume, or &quot;*&quot; for all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown policyType &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use remove, replaceByLocalDir, replaceByEmptyDir or replaceByFlexVolume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <location filename="../core/burst/imagereplacement.cpp" line="+94"/>
        <source>not valid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/burst/imagereplacement.cpp" line="+1"/>
        <source>the value must be a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a JSON array such as [{&quot;name&quot;:&quot;logs&quot;,&quot;policyType&quot;:&quot;remove&quot;}].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>volume &quot;%1&quot; has more than one rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep one rule per volume name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>rule %1 names &quot;%2&quot;, which is not a hostPath volume of this pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name one of the pod&apos;s hostPath volumes, or use &quot;*&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/burst/imagereplacement.cpp" line="-66"/>
        <source>repositoryPrefix &quot;%1&quot; ends with &quot;/&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the trailing &quot;/&quot;: the prefix is everything before the image name&apos;s last &quot;/&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>repositoryPrefix &quot;%1&quot; is not an image name: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>Use lower-case path components, optionally after a registry host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>replaceWith is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the registry and organization to use on CCI, e.g. swr.cn-north-4.myhuaweicloud.com/org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>replaceWith &quot;%1&quot; ends with &quot;/&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the trailing &quot;/&quot;; it is added when the prefix is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>replaceWith equals repositoryPrefix &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rule must change the prefix; remove the rule or change replaceWith.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>replaceWith &quot;%1&quot; is not an image name: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>entry %1 must be an object with string fields repositoryPrefix and replaceWith</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Write a JSON array such as [{&quot;repositoryPrefix&quot;:&quot;harbor.domain/org&quot;,&quot;replaceWith&quot;:&quot;swr.cn-north-4.myhuaweicloud.com/org&quot;}].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>repositoryPrefix &quot;%1&quot; appears in more than one rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep one rule per prefix; each image uses at most one rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/burst/podresources.cpp" line="+1"/>
        <source>Write a quantity such as 250m or 512Mi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 %2 is negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource amounts must be zero or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/burst/preview.cpp" line="+50"/>
        <source>%1 is set on the %2, where virtual-kubelet does not read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move it to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
        <source>ScheduleProfile &quot;%1&quot; limits a location with maxNum; a rolling update with maxSurge %2 can place fewer pods there than expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set spec.strategy.rollingUpdate.maxSurge to 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/burst/resourcenormalizer.cpp" line="+135"/>
        <source>step 1: cpu rounded up to a multiple of 250m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step 1: memory raised to at least 0.2Gi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step 3: pod memory rounded up to a whole Gi, added to the first container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step 4: memory raised to twice the cpu (memory:cpu at least 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step 4: cpu raised to an eighth of the memory (memory:cpu at most 8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>pod cpu must be greater than 0 (every container is BestEffort or asks for no cpu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set resources.limits.cpu or requests.cpu on a container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pod cpu %1 is outside 0.25-32 cores and is not 48 or 64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the pod between 250m and 32 cpu, or exactly 48 or 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pod memory %1 is outside 1Gi-512Gi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the pod between 1Gi and 512Gi of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pod memory %1 is not a whole number of Gi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round the memory of the containers up so the pod total is a multiple of 1Gi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pod memory:cpu is %1 : %2, outside 2-8 Gi per core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the pod between 2Gi and 8Gi of memory per cpu core.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>pod %1 cpu / %2 memory is above 32 cores or 256Gi, so it is not auto-normalized and CCI rejects it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size the pod to a valid CCI shape yourself: 48 or 64 cores with 2-8Gi per core, or at most 32 cores and 256Gi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>after step 1 the pod needs %1 cpu / %2 memory, above 32 cores or 256Gi; normalization stops and CCI rejects the pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the pod must grow to %1 cpu / %2 memory but every app container is BestEffort, so no container can carry the increase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the first app container cpu and memory requests or limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>CCI auto-normalizes the pod from %1 cpu / %2 memory to %3 cpu / %4 memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set these values yourself to make the pod&apos;s cost visible in the manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/burst/scheduleprofile.cpp" line="+22"/>
        <source>%1 must be an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a whole number without quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>maxNum %1 is outside [0, 2147483647]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a pod count between 0 and 2147483647.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>scaleDownPriority %1 is outside [-100, 100]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a priority between -100 and 100; the location with the higher value loses pods first on scale-down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>the profile has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>strategy is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not a profile strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use auto, enforce or localPrefer; &quot;off&quot; exists only as a pod label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the selector is empty, so this profile captures no pods (decided: an empty selector matches nothing, unlike Kubernetes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add matchLabels or matchExpressions that select the workload&apos;s pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>maxNum is set on both local and cci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit only one location: remove maxNum from local or cci.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a localPrefer profile may configure local or cci, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave one of spec.location.local and spec.location.cci empty ({}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an enforce profile only takes pods that no other profile has claimed; auto and localPrefer profiles may also take unclaimed pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/burst/shapechecks.cpp" line="+62"/>
        <source>hostPath volume &quot;%1&quot; is not available on CCI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a coordinator.cci.io/hostpath-replacement rule for &quot;%1&quot; (remove, replaceByLocalDir, replaceByEmptyDir or replaceByFlexVolume).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Memory emptyDir &quot;%1&quot; is larger than the pod&apos;s memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower sizeLimit to at most the pod memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on CCI the projected token is the long-lived service-account token; audience and expirationSeconds are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not rely on token expiry or audience in burst pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>claim &quot;%1&quot; must be SFS or SFS Turbo through a CSI StorageClass on CCI; this cannot be checked from the manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the claim&apos;s StorageClass before bursting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 volume &quot;%2&quot; is not supported on CCI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI supports configMap, secret, emptyDir, downwardAPI, projected and persistentVolumeClaim volumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>emptyDir &quot;%1&quot; is mounted with a subPath, which CCI does not support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mount the whole emptyDir, or use a separate volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>/dev/shm may use more than half of the pod&apos;s memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the Memory emptyDir&apos;s sizeLimit to at most 50% of the pod memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>sysctl %1 is not allowed on CCI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed: kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*, net.* except net.netfilter.* and net.ipv4.vs.*.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SYS_ADMIN is requested; CCI runs pods in a shared environment and may refuse or restrict it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop SYS_ADMIN for burst pods if the workload can run without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Service &quot;%1&quot; is %2; across CCE and CCI only ClusterIP Services interconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reach burst pods through a ClusterIP Service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>LoadBalancer Service &quot;%1&quot; sets a health-check port; CCE and CCI backends register different ports, so some checks fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not specify a health-check port on Services shared with CCI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LoadBalancer Services work with the auto and enforce strategies only, not localPrefer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use auto or enforce for workloads behind a LoadBalancer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>DaemonSet pods never burst to CCI, but the strategy is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the burst label or set it to off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pods with hostNetwork: true cannot burst to CCI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove hostNetwork, or set the burst label to off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>with network interconnection on, CCI injects one system sidecar: the running pod shows one container more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 log policies: reserve %2MB of memory for log collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/kube/imagereference.cpp" line="+143"/>
        <source>the repository path component &quot;%1&quot; must be lower case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is neither a registry host (name, IPv4 or [IPv6] address with optional :port) nor a repository path component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the repository path component &quot;%1&quot; may only contain lower-case letters and digits separated by &apos;.&apos;, &apos;_&apos;, &apos;__&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name must not start with &apos;/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name must not end with &apos;/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name contains an empty path component (&apos;//&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the name is %1 characters long; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the tag after &apos;:&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the tag is %1 characters long; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the tag &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; and must not start with &apos;.&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the digest &quot;%1&quot; must look like sha256:&lt;64 hexadecimal digits&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the digest algorithm &quot;%1&quot; is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a %1 digest has exactly %2 lower-case hexadecimal digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&quot;%1&quot; is only a registry host; add the repository path after it (e.g. &quot;%1/app&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Invalid image reference &quot;%1&quot;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image references look like &quot;nginx:1.25&quot;, &quot;registry.example.com:5000/team/app:v1&quot; or &quot;app@sha256:&lt;64 hexadecimal digits&gt;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The image reference is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter an image such as &quot;nginx:1.25&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>64 hexadecimal digits are an image ID, not a repository name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>a repository name must not contain a digest (&apos;@&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a repository name must not contain a tag (&quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/kube/labelselector.cpp" line="+65"/>
        <source>must consist of alphanumeric characters, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and must start and end with an alphanumeric character (e.g. &apos;MyName&apos;, &apos;my.name&apos; or &apos;123-abc&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+70"/>
        <location line="+61"/>
        <location line="+49"/>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-178"/>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 must be %2, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The label value is the boolean %1, but label values must be strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote the value in YAML (for example &quot;off&quot; or &quot;true&quot;): unquoted off, on, yes, no, true and false are read as booleans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The label value is the number %1, but label values must be strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote the value in YAML (&quot;%1&quot;): unquoted numbers are not strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown field &quot;%1&quot; is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed fields here: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is null and is read as an empty string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write &quot;&quot; if an empty value is intended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a mapping of label keys to values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A label value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unknown selector operator &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Operators are case-sensitive: write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gt and Lt exist only in node selector terms (node affinity); a label selector accepts In, NotIn, Exists or DoesNotExist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>Use In, NotIn, Exists or DoesNotExist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The operator of a match expression is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A match expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a mapping with key, operator and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a list of match expressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Invalid label key &quot;%1&quot;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label keys look like &quot;app&quot; or &quot;example.com/app&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid label value &quot;%1&quot;: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label values are empty or up to 63 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting and ending with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>values must be specified when the operator is In or NotIn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List at least one value, or use Exists / DoesNotExist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>values may not be specified when the operator is Exists or DoesNotExist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the values, or use In / NotIn to compare against them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A label selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a mapping with matchLabels and/or matchExpressions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+41"/>
        <source>must be no more than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-38"/>
        <source>a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, &apos;-&apos; or &apos;.&apos;, and must start and end with an alphanumeric character (e.g. &apos;example.com&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a qualified name %1, with an optional DNS subdomain prefix and &apos;/&apos; (e.g. &apos;example.com/MyName&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>prefix part must be non-empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prefix part %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name part must be non-empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name part must be no more than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name part %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a valid label value must be an empty string or %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/kube/manifestloader.cpp" line="+114"/>
        <source>object has no &quot;kind&quot;; every Kubernetes object needs apiVersion and kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>document is not a mapping; expected a Kubernetes object with apiVersion, kind and metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>cannot read file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/kube/quantity.cpp" line="+91"/>
        <source>Write a number with an optional suffix such as 250m, 1.5, 512Mi, 2Gi or 1e3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a quantity: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected character &apos;%1&apos; at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>unknown suffix &quot;%1&quot; at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the exponent at position %1 has no digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the text is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>expected a digit at position %1 but found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a digit at position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is out of range for a quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the number and its suffix for a typo; a quantity can be at most 9223372036854775807 (just under 8Ei) either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/kube/workload.cpp" line="+110"/>
        <source>labels must be a map of strings, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>label &quot;%1&quot; is a %2 (%3), not a string; kubectl rejects the object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote the value: YAML 1.1 reads unquoted off, on, yes, no, y, n, true, false and numbers as non-strings. Write &apos;%1: &quot;off&quot;&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 has no pod template at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add %1 with metadata.labels and spec.containers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <location filename="../models/workloadsummarymodel.cpp" line="+46"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strategy (source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Admissible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CCI cpu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CCI memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <location filename="../ui/placeholderwindow.cpp" line="+38"/>
        <source>Burst Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h2&gt;Burst Console&lt;/h2&gt;&lt;p&gt;The policy workbench is coming: editing burst strategies, ScheduleProfiles, hostPath and image-replacement rules with a live preview, then the sandbox cluster and live monitoring of burst pods.&lt;/p&gt;&lt;p&gt;Below: what CCI would run for each workload, from the same preview engine as &lt;tt&gt;burstctl preview&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Files that could not be read are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Loading %n path(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n workload(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n file error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
