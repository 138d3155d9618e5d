<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>app</name>
    <message>
        <location filename="../app/console/main.cpp" line="+67"/>
        <source>Cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The kubeconfig file (default: KUBECONFIG, else ~/.kube/config, merged as kubectl does).</source>
        <translation>kubeconfig 文件（默认：KUBECONFIG，否则 ~/.kube/config，按 kubectl 的方式合并）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+110"/>
        <location line="+6"/>
        <source>Invalid option</source>
        <translation>无效的选项</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>--safety %1: write CONTEXT=normal, CONTEXT=production or CONTEXT=read-only.</source>
        <translation>--safety %1：请写作 CONTEXT=normal、CONTEXT=production 或 CONTEXT=read-only。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Connect to this kubeconfig context at start (repeatable; with --kubeconfig alone: its current context).</source>
        <translation>启动时连接到此 kubeconfig 上下文（可重复指定；仅指定 --kubeconfig 时：连接其当前上下文）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark a context normal, production (writes need its name typed) or read-only (writes refused); kept for later starts (repeatable).</source>
        <translation>将上下文标记为 normal（普通）、production（生产，写入前需输入其名称）或 read-only（只读，拒绝写入）；该设置在以后启动时保留（可重复指定）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CONTEXT=SAFETY</source>
        <translation>CONTEXT=SAFETY</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run the exec credential plugins of users defined in FILE without asking (for a kubeconfig you just generated yourself, as run.sh does).</source>
        <translation>不经询问直接运行 FILE 中所定义用户的 exec 凭据插件（适用于您自己刚生成的 kubeconfig，如 run.sh 的做法）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the log viewer of this pod at start, on the first --context (default: the kubeconfig&apos;s current context).</source>
        <translation>启动时打开此 Pod 的日志查看器，连接第一个 --context（默认：kubeconfig 的当前上下文）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>NAMESPACE/POD[/CONTAINER]</source>
        <translation>NAMESPACE/POD[/CONTAINER]</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Open a shell in a pod of the first --context (bash, else sh) in a terminal tab.</source>
        <translation>在终端标签页中打开第一个 --context 中某个 Pod 的 Shell（优先 bash，否则 sh）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Manifest files or folders to open (default: the shipped examples).</source>
        <translation>要打开的清单文件或文件夹（默认：随附的示例）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[PATH...]</source>
        <translation>[PATH...]</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>--exec %1: write NAMESPACE/POD or NAMESPACE/POD/CONTAINER, with --context.</source>
        <translation>--exec %1：请写作 NAMESPACE/POD 或 NAMESPACE/POD/CONTAINER，并同时指定 --context。</translation>
    </message>
</context>
<context>
    <name>burst_sandbox</name>
    <message>
        <location filename="../app/sandbox/main.cpp" line="+122"/>
        <source>A local stand-in for a CCE cluster that bursts to CCI: a Kubernetes API server on 127.0.0.1 that kubectl can drive.</source>
        <translation>在本地模拟一个可弹性到 CCI 的 CCE 集群：一个监听 127.0.0.1、可由 kubectl 操作的 Kubernetes API 服务器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Port to listen on (0: any free port).</source>
        <translation>监听端口（0：任意空闲端口）。</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+71"/>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Port of the CCI endpoint with its IAM (0: any free port).</source>
        <translation>CCI 端点（含其 IAM）的端口（0：任意空闲端口）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An IAM user NAME[@DOMAIN]:PASSWORD (repeatable; domain &quot;sandbox&quot; by default). Without one, user &quot;operator&quot; gets a random password.</source>
        <translation>IAM 用户，格式为 NAME[@DOMAIN]:PASSWORD（可重复指定；domain 默认为 &quot;sandbox&quot;）。未指定时，用户 &quot;operator&quot; 将使用随机密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An access key AK:SK of the IAM user &quot;operator&quot; (repeatable).</source>
        <translation>IAM 用户 &quot;operator&quot; 的访问密钥，格式为 AK:SK（可重复指定）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AK:SK</source>
        <translation>AK:SK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifetime of IAM tokens in seconds.</source>
        <translation>IAM 令牌的有效期（秒）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>burst-sandbox: IAM user operator (domain sandbox), password %1</source>
        <translation>burst-sandbox: IAM 用户 operator（domain 为 sandbox），密码 %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Serve HTTPS with a CA generated at start.</source>
        <translation>使用启动时生成的 CA 提供 HTTPS 服务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster id (CCI namespace cce-burst-ID).</source>
        <translation>集群 ID（对应 CCI 命名空间 cce-burst-ID）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print a kubeconfig for this sandbox on standard output once it listens.</source>
        <translation>沙箱开始监听后，在标准输出打印该沙箱的 kubeconfig。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the kubeconfig to FILE once the sandbox listens.</source>
        <translation>沙箱开始监听后，将 kubeconfig 写入 FILE。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Preload N running pods across namespaces (load tests).</source>
        <translation>预加载 N 个分布在多个命名空间中的运行中 Pod（用于负载测试）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <location line="+12"/>
        <location line="+5"/>
        <location line="+50"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Answer this share (0-1) of resource requests with 429 and Retry-After.</source>
        <translation>以 429 和 Retry-After 应答此比例（0~1）的资源请求。</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <location line="+2"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Size in bytes of each preloaded pod&apos;s JSON (at least about 3000).</source>
        <translation>每个预加载 Pod 的 JSON 大小（字节，至少约 3000）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the preloaded pods changing at R watch events per second (restarts, some pods replaced; needs --pods).</source>
        <translation>使预加载的 Pod 以每秒 R 个 watch 事件的速率持续变化（重启，部分 Pod 被替换；需要 --pods）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the churn once it wrote N events, and say so (soak tests).</source>
        <translation>写满 N 个事件后停止变动，并输出说明（用于浸泡测试）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Answer this share (0-1) of resource requests with 500.</source>
        <translation>以 500 应答此比例（0~1）的资源请求。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delay every resource request by M milliseconds.</source>
        <translation>将每个资源请求延迟 M 毫秒。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+61"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Cut every watch stream after N events.</source>
        <translation>每个 watch 流在发送 N 个事件后被切断。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Answer every Nth watch that resumes from a resourceVersion with 410 Gone.</source>
        <translation>对每第 N 个从 resourceVersion 恢复的 watch 应答 410 Gone。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create the objects of this multi-document YAML file at start (repeatable).</source>
        <translation>启动时创建此多文档 YAML 文件中的对象（可重复指定）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also start CCI 2.0&apos;s virtual nodes: the global bursting-node and one AZ-level node bursting-node-ZONE per zone, labelled with it (comma-separated).</source>
        <translation>同时启动 CCI 2.0 的虚拟节点：全局节点 bursting-node，以及每个可用区一个带该可用区标签的 AZ 级节点 bursting-node-ZONE（逗号分隔）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ZONES</source>
        <translation>可用区列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The region CCI runs the burst pods in (their topology.kubernetes.io/region annotation; the default zone is the region followed by &quot;a&quot;).</source>
        <translation>CCI 运行突发 Pod 的区域（即 Pod 的 topology.kubernetes.io/region 注解；默认可用区为区域名后加 &quot;a&quot;）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>REGION</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The type of the CCI namespace burst pods land in: general-computing (GPU pods are refused) or gpu-accelerated.</source>
        <translation>突发 Pod 所在 CCI 命名空间的类型：general-computing（拒绝 GPU Pod）或 gpu-accelerated。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FLAVOR</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark this zone&apos;s AZ-level node as CCI marks a faulty AZ: unschedulable, with a condition saying why (repeatable; needs --cci-zones).</source>
        <translation>像 CCI 标记故障可用区那样标记该可用区的 AZ 级节点：不可调度，并用一个 condition 说明原因（可重复；需要 --cci-zones）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ZONE</source>
        <translation>可用区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run without CCI network interconnection (no sidecar in CCI pods).</source>
        <translation>在不开启 CCI 网络互通的情况下运行（CCI 上的 Pod 中没有 sidecar）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not deploy the guide&apos;s example workloads at start.</source>
        <translation>启动时不部署指南中的示例工作负载。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run sandbox time X times faster than real time (pods start, Jobs finish and locks expire sooner).</source>
        <translation>使沙箱时间以实际时间的 X 倍速度流逝（Pod 启动、Job 完成和锁定过期都会更快）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --tls, also accept bearer token T (repeatable); the kubeconfig&apos;s token and client certificate are always accepted.</source>
        <translation>使用 --tls 时，还接受 Bearer 令牌 T（可重复指定）；kubeconfig 中的令牌和客户端证书始终会被接受。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Namespaces (comma-separated) where the restricted user &quot;sandbox-restricted&quot; may read pods, events, workloads and schedule profiles and change deployments; it may do nothing else (no nodes, no namespaces).</source>
        <translation>受限用户 &quot;sandbox-restricted&quot; 可在其中读取 Pod、事件、工作负载和 ScheduleProfile 并修改 Deployment 的命名空间（以逗号分隔）；该用户不能执行其他任何操作（无权访问节点和命名空间）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NS,...</source>
        <translation>NS,...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every Nth watch stream stops sending for M milliseconds, then resumes.</source>
        <translation>每第 N 个 watch 流暂停发送 M 毫秒，然后恢复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N:M</source>
        <translation>N:M</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed the faults&apos; random choices, so a test meets the same ones.</source>
        <translation>为故障的随机选择设定种子，使测试每次遇到相同的故障。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send watch BOOKMARK events every M milliseconds (allowWatchBookmarks=true).</source>
        <translation>每 M 毫秒发送一次 watch BOOKMARK 事件（allowWatchBookmarks=true）。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>burst-sandbox: unknown CCI region &quot;%1&quot; (known: %2)</source>
        <translation>burst-sandbox：未知的 CCI 区域 &quot;%1&quot;（已知区域：%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>burst-sandbox: --cci-namespace-flavor must be general-computing or gpu-accelerated</source>
        <translation>burst-sandbox：--cci-namespace-flavor 必须为 general-computing 或 gpu-accelerated</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>burst-sandbox: --clock-speed must be a number above 0</source>
        <translation>burst-sandbox: --clock-speed 必须是大于 0 的数字</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>burst-sandbox: --churn needs preloaded pods (--pods N)</source>
        <translation>burst-sandbox: --churn 需要预加载的 Pod（--pods N）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>burst-sandbox: preloaded %1 pods in %2 ms</source>
        <translation>burst-sandbox: 已预加载 %1 个 Pod，用时 %2 ms</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>burst-sandbox: serving CCI and IAM at %1</source>
        <translation>burst-sandbox: 正在 %1 提供 CCI 和 IAM 服务</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>burst-sandbox: serving the Kubernetes API at %1 (cluster id %2)</source>
        <translation>burst-sandbox: 正在 %1 提供 Kubernetes API 服务（集群 ID %2）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>burst-sandbox: the churn wrote %1 pod events in %2 ms and stopped</source>
        <translation>burst-sandbox：变动在 %2 毫秒内写入了 %1 个 Pod 事件，已停止</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>burst-sandbox: the churn wrote %1 pod events</source>
        <translation>burst-sandbox: churn 共写入 %1 个 Pod 事件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>burst-sandbox: faults injected: %1 answered 429, %2 answered 500, %3 watches answered 410, %4 requests delayed, %5 watch streams cut, %6 stalled</source>
        <translation>burst-sandbox：已注入故障：%1 个请求答复 429，%2 个答复 500，%3 个 watch 答复 410，%4 个请求被延迟，%5 个 watch 流被切断，%6 个停顿</translation>
    </message>
</context>
<context>
    <name>burstctl</name>
    <message>
        <location filename="../app/burstctl/main.cpp" line="+13"/>
        <source>Usage: burstctl COMMAND [options]

Commands:
</source>
        <translation>用法：burstctl COMMAND [options]

命令：
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
Run &quot;burstctl COMMAND --help&quot; for a command&apos;s options, its JSON output and the decided rules it applies.
</source>
        <translation>
运行 &quot;burstctl COMMAND --help&quot; 可查看命令的选项、JSON 输出及其应用的约定规则。
</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>burstctl: unknown command &quot;%1&quot;</source>
        <translation>burstctl: 未知命令 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/burstctl/previewcommand.cpp" line="+20"/>
        <source>Shows, for every pod-bearing object (Pod, Deployment, StatefulSet, ReplicaSet, ReplicationController, Job, CronJob, DaemonSet, PodTemplate) in the input, in input order: the effective burst strategy and where it comes from, the associated ScheduleProfile, whether CCI admits the pod, the pod CCI runs after image replacement, hostPath replacement and resource normalization, and diagnostics. A Namespace (its CCI flavour, namespace.kubernetes.io/flavor) and a CCI Network (networking.cci.io/v1beta1: security group, domain and project ids, zone, CIDR, VPC, network and subnet ids, networkType) each get an element with their kind, names, admissible and diagnostics only; a Namespace&apos;s flavour applies to the GPU pods of that namespace in the same input.

Decided rules (where the CCI guide is silent):
%1
Exit status: 0 no error diagnostic, 1 some object or profile has an error, 2 the input cannot be read or parsed (FILE:LINE:COL: message on stderr).</source>
        <translation>按输入顺序，对输入中每个含 Pod 的对象（Pod、Deployment、StatefulSet、ReplicaSet、ReplicationController、Job、CronJob、DaemonSet、PodTemplate）显示：生效的弹性策略及其来源、关联的 ScheduleProfile、CCI 是否接纳该 Pod、经镜像替换、hostPath 替换和资源规整后 CCI 实际运行的 Pod，以及诊断信息。Namespace（其 CCI 类型 namespace.kubernetes.io/flavor）和 CCI Network（networking.cci.io/v1beta1：安全组、账号和项目 ID、可用区、CIDR、VPC、网络和子网 ID、networkType）各自输出一个仅含类型、名称、admissible 和诊断信息的元素；Namespace 的类型适用于同一输入中该命名空间的 GPU Pod。

约定规则（CCI 指南未说明之处）：
%1
退出码：0 无错误诊断，1 某个对象或配置有错误，2 输入无法读取或解析（stderr 输出 FILE:LINE:COL: 消息）。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>give at least one -f FILE</source>
        <translation>请至少指定一个 -f FILE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown output format &quot;%1&quot; (use json or yaml)</source>
        <translation>未知的输出格式 &quot;%1&quot;（请使用 json 或 yaml）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Show the pod CCI runs for each workload, with diagnostics</source>
        <translation>显示 CCI 为每个工作负载实际运行的 Pod 及诊断信息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Manifest file or folder to preview; &quot;-&quot; reads standard input. Repeatable.</source>
        <translation>要预览的清单文件或文件夹；&quot;-&quot; 表示读取标准输入。可重复指定。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/connectionflags.cpp" line="+35"/>
        <source>Path to the kubeconfig file (no KUBECONFIG merge).</source>
        <translation>kubeconfig 文件路径（不与 KUBECONFIG 合并）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/burstctl/fixcommand.cpp" line="+130"/>
        <location filename="../app/burstctl/iamtokencommand.cpp" line="+129"/>
        <location filename="../app/burstctl/obssecretcommand.cpp" line="+279"/>
        <location filename="../app/burstctl/previewcommand.cpp" line="+2"/>
        <location filename="../app/burstctl/prometheuscommand.cpp" line="+115"/>
        <location line="+11"/>
        <location filename="../app/burstctl/signcommand.cpp" line="+130"/>
        <location filename="../app/burstctl/simulatecommand.cpp" line="+194"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kubeconfig context to use.</source>
        <translation>要使用的 kubeconfig 上下文。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The namespace scope of the request.</source>
        <translation>请求的命名空间范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/burstctl/prometheuscommand.cpp" line="-17"/>
        <location line="+9"/>
        <location filename="../app/burstctl/templatecommand.cpp" line="+234"/>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>List the objects across all namespaces.</source>
        <translation>列出所有命名空间中的对象。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The address of the API server.</source>
        <translation>API 服务器的地址。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/burstctl/iamtokencommand.cpp" line="-16"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token for authentication to the API server.</source>
        <translation>用于向 API 服务器进行身份认证的 Bearer 令牌。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TOKEN</source>
        <translation>TOKEN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not check the server&apos;s certificate (insecure).</source>
        <translation>不校验服务器证书（不安全）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the kubeconfig user&apos;s exec credential plugin command line (remembered; asked once per command line).</source>
        <translation>信任 kubeconfig 用户的 exec 凭据插件命令行（会被记住；每个命令行只需确认一次）。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>user &quot;%1&quot; runs an exec credential plugin that is not trusted yet: %2</source>
        <translation>用户 &quot;%1&quot; 运行的 exec 凭据插件尚未被信任：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the command line, then run again with --trust-exec.</source>
        <translation>请检查该命令行，然后使用 --trust-exec 重新运行。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/previewcommand.cpp" line="+2"/>
        <location filename="../app/burstctl/simulatecommand.cpp" line="+23"/>
        <source>Output format: json (default) or yaml.</source>
        <translation>输出格式：json（默认）或 yaml。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/getcommand.cpp" line="+121"/>
        <source>No resources found</source>
        <translation>未找到资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No resources found in %1 namespace.</source>
        <translation>在 %1 命名空间中未找到资源。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>a resource cannot be retrieved by name across all namespaces. Give its namespace with -n NAMESPACE.</source>
        <translation>无法跨所有命名空间按名称获取资源。请用 -n NAMESPACE 指定其命名空间。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>List objects of a resource type from a cluster, as kubectl get</source>
        <translation>像 kubectl get 一样列出集群中某一资源类型的对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists objects of one resource type, or shows one object, as kubectl get does.</source>
        <translation>与 kubectl get 一样，列出某一资源类型的对象，或显示单个对象。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label selector (e.g. app=web,tier!=db).</source>
        <translation>标签选择器（例如 app=web,tier!=db）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <location filename="../app/burstctl/watchcommand.cpp" line="+86"/>
        <source>SELECTOR</source>
        <translation>SELECTOR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field selector (e.g. spec.nodeName=node-1).</source>
        <translation>字段选择器（例如 spec.nodeName=node-1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output format: name, json or wide.</source>
        <translation>输出格式：name、json 或 wide。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/advisecommand.cpp" line="+164"/>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Burst workloads: %1 (%2 pods); ConfigMaps in their namespaces: %3</source>
        <translation>弹性工作负载：%1 个（%2 个 Pod）；其所在命名空间中的 ConfigMap：%3 个</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recommended add-on node: %1</source>
        <translation>插件节点推荐规格：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add-on node: %1</source>
        <translation>插件所在节点：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not found (name it with --addon-node)</source>
        <translation>未找到（可用 --addon-node 指定）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 errors, %2 warnings, %3 notes</source>
        <translation>%1 个错误，%2 个警告，%3 条提示</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&quot;%1&quot; is not an IPv4 CIDR such as 192.168.0.0/16</source>
        <translation>&quot;%1&quot; 不是 IPv4 CIDR（例如 192.168.0.0/16）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reads a live cluster and advises on the bursting add-on (virtual-kubelet) as the guide&apos;s chapter 1.1 asks: the node size for the add-on, subnets overlapping %1, ARM nodes, LoadBalancer Services in front of burst pods, log policies, and what to scale to 0 before uninstalling the add-on or hibernating the cluster. Every namespace is read (-n is ignored).

Decided rules:
  - Burst workloads are the Deployments, StatefulSets, Jobs and bare Pods whose strategy (labels, then ScheduleProfile) can send pods to CCI. Their pods are the replicas they ask for (a Job&apos;s parallelism; none once finished), or the pods on virtual nodes now when more; their ConfigMaps are all ConfigMaps of their namespaces.
  - The node size: the larger of the two counts picks the guide&apos;s row (up to 1000: 2U4G, 2000: 4U8G, 4000: 8U16G). Above 4000 the guide gives no size: 8U16G, and a warning.
  - The add-on&apos;s node: --addon-node, else the nodes of the kube-system pods named virtual-kubelet*. It is undersized with fewer vCPUs or under 90% of the memory of the recommended size.
  - Subnets: the nodes&apos; InternalIP addresses and pod CIDRs, and every --subnet (the VPC subnet is not in the API). The Service CIDR is not checked: the guide names the cluster&apos;s subnet.
  - ARM: the kubernetes.io/arch label (else the beta label, else status.nodeInfo.architecture) is arm64, arm or aarch64.
  - LoadBalancer Services count only when they select burst pods. A health-check port is monitor_port in kubernetes.io/elb.health-check-option(s); externalTrafficPolicy Local is reported too, for the health-check node port it brings. &quot;localPrefer&quot; is the workload&apos;s burst strategy.
  - Log policies are the cluster&apos;s %2 (CCE&apos;s LogConfig, assumed); one counts for burst workloads of its own namespace (all, when cluster-scoped).

Output: a summary, then one line per finding, &quot;OBJECT PATH: severity: message [code] (hint)&quot;; with -o json one object {burstWorkloads, burstPods, configMaps, recommendedNodeSize, addonNodes, advice: [{severity, code, kind, namespace, name, path, message, hint}]}.

Exit status: 0 notes only, 1 cannot connect or the API refused a list, 2 bad arguments, 3 warnings, 4 errors.</source>
        <translation>读取运行中的集群，并按指南第 1.1 章的要求对弹性插件（virtual-kubelet）给出建议：插件节点的规格、与 %1 重叠的子网、ARM 节点、弹性 Pod 前端的 LoadBalancer Service、日志策略，以及卸载插件或休眠集群之前需缩容至 0 的工作负载。读取所有命名空间（忽略 -n）。

约定规则：
  - 弹性工作负载是指其策略（先看标签，再看 ScheduleProfile）可将 Pod 调度到 CCI 的 Deployment、StatefulSet、Job 和独立 Pod。其 Pod 数为它们申请的副本数（Job 取 parallelism；已结束的不计），若当前在虚拟节点上的 Pod 更多则取后者；其 ConfigMap 数为所在命名空间中的全部 ConfigMap。
  - 节点规格：两个数量中较大者决定指南中的档位（不超过 1000：2U4G，2000：4U8G，4000：8U16G）。超过 4000 时指南未给出规格：取 8U16G 并给出警告。
  - 插件所在节点：--addon-node，否则为 kube-system 中名为 virtual-kubelet* 的 Pod 所在的节点。其 vCPU 少于推荐规格，或内存低于推荐规格的 90% 时视为规格不足。
  - 子网：各节点的 InternalIP 地址和 Pod 网段，以及每个 --subnet（VPC 子网无法从 API 获取）。不检查 Service 网段：指南所指的是集群所在的子网。
  - ARM：kubernetes.io/arch 标签（否则为 beta 标签，再否则为 status.nodeInfo.architecture）为 arm64、arm 或 aarch64。
  - 仅当 LoadBalancer Service 选中弹性 Pod 时才检查。健康检查端口指 kubernetes.io/elb.health-check-option(s) 中的 monitor_port；externalTrafficPolicy 为 Local 时也会报告，因为它会带来健康检查节点端口。&quot;localPrefer&quot; 指工作负载的弹性策略。
  - 日志策略为集群中的 %2（CCE 的 LogConfig，假定）；一个日志策略对其所在命名空间的弹性工作负载生效（集群级的对全部生效）。

输出：先输出摘要，再每条建议一行：&quot;OBJECT PATH: severity: message [code] (hint)&quot;；使用 -o json 时输出一个对象 {burstWorkloads, burstPods, configMaps, recommendedNodeSize, addonNodes, advice: [{severity, code, kind, namespace, name, path, message, hint}]}。

退出码：0 仅有提示，1 无法连接或 API 拒绝了列表请求，2 参数错误，3 有警告，4 有错误。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Advise on the bursting add-on for a live cluster (guide 1.1)</source>
        <translation>针对运行中的集群给出弹性插件的建议（指南 1.1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output format: json (default: text).</source>
        <translation>输出格式：json（默认：文本）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/burstctl/getcommand.cpp" line="+1"/>
        <location filename="../app/burstctl/previewcommand.cpp" line="+1"/>
        <location filename="../app/burstctl/simulatecommand.cpp" line="+1"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The node the add-on runs on (default: found by its pods).</source>
        <translation>插件所运行的节点（默认：根据插件的 Pod 查找）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NODE</source>
        <translation>NODE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A VPC subnet of the cluster, checked against %1. Repeatable.</source>
        <translation>集群的一个 VPC 子网，将检查其是否与 %1 重叠。可重复指定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CIDR</source>
        <translation>CIDR</translation>
    </message>
    <message>
        <location filename="../app/burstctl/getcommand.cpp" line="+2"/>
        <source>Fetch large lists in pages of this size (0: one request).</source>
        <translation>按此大小分页获取大型列表（0：一次请求获取全部）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/burstctl/watchcommand.cpp" line="+3"/>
        <source>pods, nodes, deploy, ...</source>
        <translation>pods、nodes、deploy 等</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One object&apos;s name.</source>
        <translation>单个对象的名称。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/previewcommand.cpp" line="+3"/>
        <source>virtual-kubelet runs without network interconnection (no sidecar is injected).</source>
        <translation>virtual-kubelet 未开启网络互通（不注入 sidecar）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of log policies that collect from the pods.</source>
        <translation>采集这些 Pod 日志的日志策略数量。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/getcommand.cpp" line="-2"/>
        <location filename="../app/burstctl/logscommand.cpp" line="+102"/>
        <location filename="../app/burstctl/previewcommand.cpp" line="+0"/>
        <location filename="../app/burstctl/watchcommand.cpp" line="-1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../app/burstctl/simulatecommand.cpp" line="-25"/>
        <source>Manifest with the workload and any ScheduleProfiles. Repeatable.</source>
        <translation>包含该工作负载及相关 ScheduleProfile 的清单文件。可重复指定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Workload to simulate, NAME or KIND/NAME (default: the first).</source>
        <translation>要模拟的工作负载，格式为 NAME 或 KIND/NAME（默认：第一个）。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/connectionflags.cpp" line="-50"/>
        <location filename="../app/burstctl/execcommand.cpp" line="+74"/>
        <location filename="../app/burstctl/fixcommand.cpp" line="+4"/>
        <location filename="../app/burstctl/iamtokencommand.cpp" line="+2"/>
        <location line="+8"/>
        <location line="+2"/>
        <location filename="../app/burstctl/logscommand.cpp" line="-3"/>
        <location filename="../app/burstctl/obssecretcommand.cpp" line="-6"/>
        <location filename="../app/burstctl/prometheuscommand.cpp" line="-7"/>
        <location filename="../app/burstctl/simulatecommand.cpp" line="+1"/>
        <location line="+18"/>
        <location filename="../app/burstctl/templatecommand.cpp" line="+4"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../app/burstctl/simulatecommand.cpp" line="-194"/>
        <source>Simulates where a workload&apos;s pods go as its replica count changes: local nodes, CCI (the virtual-kubelet node) or Pending, and which pods are removed first on scale-down.

Rules: enforce sends every pod to CCI up to cci.maxNum; localPrefer uses the first local node that fits while local.maxNum allows, then CCI up to cci.maxNum; auto is an approximation of the real scheduler (decided): the least-allocated fitting local node, else CCI; off or no strategy: local or Pending. Scale-down removes Pending pods first, then pods of the location with the higher scaleDownPriority (decided: ties remove CCI pods first), newest first. A pod CCI would reject (see preview: admissible) never goes to CCI, as in the console&apos;s What-if.

Output (JSON/YAML): {workload, strategy{value, source, profile}, admissible, podRequest{cpu, memory}, nodes[{name, cpu, memory}], steps[{replicas, local, cci, pending, events[{action, pod, location, node}]}]}.</source>
        <translation>模拟工作负载副本数变化时 Pod 的去向：本地节点、CCI（virtual-kubelet 节点）或 Pending，以及缩容时先删除哪些 Pod。

规则：enforce 将每个 Pod 调度到 CCI，直到 cci.maxNum；localPrefer 在 local.maxNum 允许时使用第一个放得下的本地节点，然后调度到 CCI，直到 cci.maxNum；auto 是对真实调度器的近似（约定）：分配最少且放得下的本地节点，否则 CCI；off 或无策略：本地或 Pending。缩容先删除 Pending 的 Pod，然后删除 scaleDownPriority 较高位置上的 Pod（约定：相同时先删除 CCI 上的 Pod），最新的先删。CCI 会拒绝的 Pod（见 preview 的 admissible）永远不会调度到 CCI，与控制台的 What-if 一致。

输出（JSON/YAML）：{workload, strategy{value, source, profile}, admissible, podRequest{cpu, memory}, nodes[{name, cpu, memory}], steps[{replicas, local, cci, pending, events[{action, pod, location, node}]}]}。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>bad --node &quot;%1&quot;: expected cpu=QUANTITY,memory=QUANTITY[,name=NAME]</source>
        <translation>--node &quot;%1&quot; 格式错误：应为 cpu=QUANTITY,memory=QUANTITY[,name=NAME]</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>no pod-bearing object found in the input</source>
        <translation>输入中未找到包含 Pod 的对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1/%2 has no pod template</source>
        <translation>%1/%2 没有 Pod 模板</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unknown strategy &quot;%1&quot;</source>
        <translation>未知的弹性策略 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--replicas takes non-negative integers separated by commas</source>
        <translation>--replicas 的取值应为以逗号分隔的非负整数</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>unknown output format</source>
        <translation>未知的输出格式</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Simulate local / CCI / Pending placement as replicas change</source>
        <translation>模拟副本数变化时 Pod 在本地 / CCI / Pending 之间的分布</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Free capacity of one local node, cpu=4,memory=8Gi[,name=n1]. Repeatable; default three nodes of 4 cpu / 8Gi.</source>
        <translation>一个本地节点的可用容量，例如 cpu=4,memory=8Gi[,name=n1]。可重复指定；默认为三个 4 cpu / 8Gi 的节点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPEC</source>
        <translation>SPEC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replica counts to apply in order, e.g. 0,10,4,0 (default: 0 up to spec.replicas and back to 0, one step at a time).</source>
        <translation>依次应用的副本数，例如 0,10,4,0（默认：从 0 逐个增加到 spec.replicas，再逐个减回 0）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A schedulable virtual node (repeatable, in the order burst pods go to them: CCI 2.0&apos;s global bursting-node first, then AZ-level nodes). CCI pods go to the first; default: virtual-kubelet.</source>
        <translation>一个可调度的虚拟节点（可重复，按弹性 Pod 去往的顺序：先 CCI 2.0 的全局节点 bursting-node，再 AZ 级节点）。CCI Pod 进入第一个；默认：virtual-kubelet。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/signcommand.cpp" line="-112"/>
        <source>Signs an HTTP request with a Huawei Cloud access key / secret key (SDK-HMAC-SHA256, as the huaweicloud-sdk-*-v3 signers) and prints the X-Sdk-Date and Authorization headers to send with it.

The keys are read only from the environment variables named by --ak-env and --sk-env; they never appear on the command line or in the output. Without --signed-headers every header given is signed, plus host and x-sdk-date. --date makes the output reproducible.

Exit status: 0 signed, 2 bad input (message on stderr).</source>
        <translation>使用华为云访问密钥 / 秘密访问密钥为 HTTP 请求签名（SDK-HMAC-SHA256，与 huaweicloud-sdk-*-v3 的签名器一致），并输出需随请求发送的 X-Sdk-Date 和 Authorization 头。

密钥只从 --ak-env 和 --sk-env 指定的环境变量读取，不会出现在命令行或输出中。未指定 --signed-headers 时，对给出的所有请求头以及 host 和 x-sdk-date 签名。--date 可使输出可复现。

退出状态：0 表示签名成功，2 表示输入有误（错误信息输出到 stderr）。</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Request URL, with its query.</source>
        <translation>请求 URL（含查询参数）。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/iamtokencommand.cpp" line="-25"/>
        <source>Print a Huawei IAM token as an ExecCredential (exec plugin for CCI)</source>
        <translation>以 ExecCredential 形式打印华为云 IAM 令牌（CCI 的 exec 插件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gets a Huawei IAM token (POST /v3/auth/tokens, project scope) and prints it as a Kubernetes ExecCredential, so burstctl can serve as the exec credential plugin of a kubeconfig user for CCI, as cci-iam-authenticator does.

Identity: an access key (--ak-env/--sk-env: the request is signed with SDK-HMAC-SHA256) or a password (--user, --domain, --password-env). Secrets are read only from the environment variables named, never from the command line.

TLS: the system CAs, plus --cacert FILE, plus the cluster&apos;s CA when the kubeconfig sets provideClusterInfo: true (KUBERNETES_EXEC_INFO).

Exit status: 0 printed, 1 IAM refused or unreachable, 2 bad input.</source>
        <translation>获取华为云 IAM 令牌（POST /v3/auth/tokens，项目范围）并以 Kubernetes ExecCredential 的形式打印，使 burstctl 可以像 cci-iam-authenticator 一样，作为 kubeconfig 中 CCI 用户的 exec 凭据插件。

身份：访问密钥（--ak-env/--sk-env：请求以 SDK-HMAC-SHA256 签名）或密码（--user、--domain、--password-env）。机密信息只从所指定的环境变量读取，绝不来自命令行。

TLS：系统 CA，加上 --cacert FILE，以及 kubeconfig 设置 provideClusterInfo: true 时集群的 CA（KUBERNETES_EXEC_INFO）。

退出状态：0 已打印，1 IAM 拒绝或不可达，2 输入有误。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IAM endpoint, e.g. https://iam.cn-north-4.myhuaweicloud.com.</source>
        <translation>IAM 端点，例如 https://iam.cn-north-4.myhuaweicloud.com。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Project to scope the token to (often the region).</source>
        <translation>令牌作用的项目（通常即区域）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project id (wins over --project-name).</source>
        <translation>项目 ID（优先于 --project-name）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/burstctl/obssecretcommand.cpp" line="+4"/>
        <location line="+8"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/burstctl/signcommand.cpp" line="-16"/>
        <source>Environment variable holding the access key.</source>
        <translation>保存访问密钥（AK）的环境变量。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+6"/>
        <location filename="../app/burstctl/signcommand.cpp" line="+0"/>
        <location line="+2"/>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <location line="-6"/>
        <location filename="../app/burstctl/signcommand.cpp" line="+0"/>
        <source>Environment variable holding the secret key.</source>
        <translation>保存秘密访问密钥（SK）的环境变量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IAM user name (password identity).</source>
        <translation>IAM 用户名（密码身份）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account (domain) name of the IAM user.</source>
        <translation>IAM 用户所属的账号（domain）名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Environment variable holding the password.</source>
        <translation>保存密码的环境变量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra CA certificates (PEM) to trust.</source>
        <translation>额外信任的 CA 证书（PEM）。</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>--iam-endpoint must be a URL such as https://iam.cn-north-4.myhuaweicloud.com</source>
        <translation>--iam-endpoint 必须是 URL，例如 https://iam.cn-north-4.myhuaweicloud.com</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give --project-name or --project-id</source>
        <translation>请指定 --project-name 或 --project-id</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the variables named by --ak-env and --sk-env must both be set</source>
        <translation>--ak-env 与 --sk-env 指定的环境变量都必须已设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>give --ak-env and --sk-env, or --user, --domain and --password-env</source>
        <translation>请指定 --ak-env 和 --sk-env，或者 --user、--domain 和 --password-env</translation>
    </message>
    <message>
        <location filename="../app/burstctl/signcommand.cpp" line="+1"/>
        <source>HTTP method (default GET).</source>
        <translation>HTTP 方法（默认 GET）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>METHOD</source>
        <translation>METHOD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request header &quot;Name: value&quot;. Repeatable.</source>
        <translation>请求头，格式为 &quot;Name: value&quot;。可重复指定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HEADER</source>
        <translation>HEADER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File holding the request body.</source>
        <translation>保存请求体的文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/burstctl/simulatecommand.cpp" line="-7"/>
        <source>LIST</source>
        <translation>LIST</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Headers to sign, separated by &quot;;&quot; (e.g. host;x-sdk-date).</source>
        <translation>要签名的请求头，以 &quot;;&quot; 分隔（例如 host;x-sdk-date）。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Sign an HTTP request with a Huawei Cloud AK/SK (SDK-HMAC-SHA256)</source>
        <translation>使用华为云 AK/SK 为 HTTP 请求签名（SDK-HMAC-SHA256）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>X-Sdk-Date to sign with (default now), e.g. 20060102T150405Z.</source>
        <translation>签名使用的 X-Sdk-Date（默认当前时间），例如 20060102T150405Z。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>give --%1 VAR</source>
        <translation>请指定 --%1 VAR</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>environment variable %1 (--%2) is not set or empty</source>
        <translation>环境变量 %1（--%2）未设置或为空</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>header &quot;%1&quot; is not &quot;Name: value&quot;</source>
        <translation>请求头 &quot;%1&quot; 不是 &quot;Name: value&quot; 格式</translation>
    </message>
    <message>
        <location filename="../app/burstctl/fixcommand.cpp" line="-108"/>
        <source>Applies a helper of the guide&apos;s chapter 3 to the workloads of one manifest file and prints the edited file (or writes it back with --in-place). Only the inserted YAML nodes change: comments, order and quoting of everything else stay as they are.

Helpers:
  graceful-rollout  (guide 3.1) for each Deployment or StatefulSet behind a LoadBalancer Service of the same file (or the one --workload names): a tcpSocket readiness probe on the container&apos;s first port (else the Service&apos;s target port), a preStop hook running sleep 20, minReadySeconds 10 (kept below the sleep), and terminationGracePeriodSeconds above the sleep when it is not. ELB sends traffic only to ready pods; the sleep keeps an old pod serving while ELB removes it; minReadySeconds, below the sleep, lets the new pod be in service before the old one exits. The sleep and minReadySeconds values are decided: adjust them to your start-up time.
  downward-api      (guide 3.2) for every app container of every workload (or the one --workload names): the variables MY_POD_UID, MY_POD_NAME, MY_POD_NAMESPACE, MY_POD_IP, REGION and ZONE from fieldRefs, the last two from the topology.kubernetes.io/region and zone annotations CCI adds (empty on a CCE node). A container keeps a variable of the same name or a fieldRef to the same field.

Exit status: 0 edited (or nothing to change), 1 an edit was refused (the file is left as it was), 2 bad arguments or a file that cannot be read or parsed.</source>
        <translation>把指南第 3 章中的一个助手应用到一个清单文件中的工作负载，并打印编辑后的文件（或用 --in-place 写回）。只有插入的 YAML 节点会改变：其余内容的注释、顺序和引号保持原样。

助手：
  graceful-rollout  （指南 3.1）对同一文件中位于 LoadBalancer Service 之后的每个 Deployment 或 StatefulSet（或 --workload 指定的那个）：在容器的第一个端口（否则为 Service 的目标端口）上添加 tcpSocket 就绪探针，添加执行 sleep 20 的 preStop 钩子，设置 minReadySeconds 10（保持小于 sleep），并在 terminationGracePeriodSeconds 不大于 sleep 时将其调高。ELB 只向就绪的 Pod 发送流量；sleep 让旧 Pod 在 ELB 移除它期间继续提供服务；小于 sleep 的 minReadySeconds 让新 Pod 在旧 Pod 退出之前投入服务。sleep 和 minReadySeconds 的取值是约定的：请按应用的启动时间调整。
  downward-api      （指南 3.2）对每个工作负载（或 --workload 指定的那个）的每个应用容器：通过 fieldRef 添加变量 MY_POD_UID、MY_POD_NAME、MY_POD_NAMESPACE、MY_POD_IP、REGION 和 ZONE，后两个读取 CCI 添加的 topology.kubernetes.io/region 和 zone 注解（在 CCE 节点上为空）。容器中已有同名变量或指向同一字段的 fieldRef 时保留原有配置。

退出状态：0 已编辑（或没有需要修改的内容），1 某个编辑被拒绝（文件保持原样），2 参数错误或文件无法读取或解析。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>name one helper: %1 or %2</source>
        <translation>请指定一个助手：%1 或 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give exactly one -f FILE</source>
        <translation>请只给出一个 -f FILE</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--in-place needs a file, not standard input</source>
        <translation>--in-place 需要一个文件，不能是标准输入</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../app/burstctl/iamtokencommand.cpp" line="+16"/>
        <location filename="../app/burstctl/prometheuscommand.cpp" line="-55"/>
        <location filename="../app/burstctl/signcommand.cpp" line="+21"/>
        <location filename="../app/burstctl/templatecommand.cpp" line="-187"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1: nothing to change in %2</source>
        <translation>%1：%2 中没有需要修改的内容</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1: %n workload(s) edited</source>
        <translation>
            <numerusform>%1：已编辑 %n 个工作负载</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Insert the guide&apos;s graceful-rollout or Downward API settings</source>
        <translation>插入指南中的优雅滚动升级或 Downward API 配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The manifest file to edit; &quot;-&quot; reads standard input.</source>
        <translation>要编辑的清单文件；&quot;-&quot; 读取标准输入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only this workload (NAME or KIND/NAME); graceful-rollout then applies whether or not a LoadBalancer selects it.</source>
        <translation>只处理该工作负载（NAME 或 KIND/NAME）；此时 graceful-rollout 无论是否有 LoadBalancer 选中它都会应用。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the edited file back instead of printing it.</source>
        <translation>把编辑后的文件写回，而不是打印出来。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>graceful-rollout or downward-api</source>
        <translation>graceful-rollout 或 downward-api</translation>
    </message>
    <message>
        <location filename="../app/burstctl/signcommand.cpp" line="+10"/>
        <source>give exactly one URL</source>
        <translation>请只指定一个 URL</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;%1&quot; is not an absolute http(s) URL</source>
        <translation>&quot;%1&quot; 不是绝对 http(s) URL</translation>
    </message>
    <message>
        <location filename="../app/burstctl/simulatecommand.cpp" line="+2"/>
        <source>Override the effective strategy: auto, localPrefer, enforce, off.</source>
        <translation>覆盖生效的弹性策略：auto、localPrefer、enforce、off。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STRATEGY</source>
        <translation>STRATEGY</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtual-kubelet node is locked: nothing goes to CCI.</source>
        <translation>virtual-kubelet 节点已锁定：不会有 Pod 调度到 CCI。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/execcommand.cpp" line="-7"/>
        <source>Run a command in a container</source>
        <translation>在容器中执行命令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs a command in a container, as kubectl exec does (WebSocket, v5.channel.k8s.io or v4.channel.k8s.io).

Exit status: the command&apos;s own exit code; 1 when it could not run (the API server&apos;s message on stderr), 2 bad input.</source>
        <translation>与 kubectl exec 一样，在容器中执行命令（WebSocket，v5.channel.k8s.io 或 v4.channel.k8s.io）。

退出状态：命令自身的退出码；无法执行时为 1（API 服务器的消息输出到 stderr）；2 表示输入有误。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../app/burstctl/logscommand.cpp" line="+11"/>
        <source>Pod name.</source>
        <translation>Pod 名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The command and its arguments, after &quot;--&quot;.</source>
        <translation>要执行的命令及其参数，写在 &quot;--&quot; 之后。</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../app/burstctl/logscommand.cpp" line="-12"/>
        <source>Container name.</source>
        <translation>容器名称。</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>give a pod name, then &quot;--&quot; and the command to run</source>
        <translation>请先指定 Pod 名称，然后是 &quot;--&quot; 和要执行的命令</translation>
    </message>
    <message>
        <location filename="../app/burstctl/logscommand.cpp" line="-5"/>
        <source>Print or follow the log of a container in a pod</source>
        <translation>打印或持续跟踪 Pod 中某个容器的日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints the log of a container in a pod, as kubectl logs does. With -f a dropped stream is resumed from the last line received, so no line is lost or repeated.

Exit status: 0 done, 1 API or network error, 2 bad input.</source>
        <translation>与 kubectl logs 一样，打印 Pod 中某个容器的日志。使用 -f 时，中断的日志流会从收到的最后一行继续，因此不会丢失或重复任何一行。

退出状态：0 表示完成，1 表示 API 或网络错误，2 表示输入有误。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stream new lines.</source>
        <translation>持续输出新的日志行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines of recent log to show; -1 shows all.</source>
        <translation>显示最近日志的行数；-1 表示显示全部。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only lines newer than a relative duration like 5s, 2m or 3h.</source>
        <translation>仅显示最近一段相对时长（如 5s、2m 或 3h）内的日志行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/burstctl/prometheuscommand.cpp" line="+66"/>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prefix each line with its RFC3339 timestamp.</source>
        <translation>在每行前加上其 RFC3339 时间戳。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The log of the previous, terminated container instance.</source>
        <translation>显示上一个已终止的容器实例的日志。</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>--tail must be a number of lines or -1</source>
        <translation>--tail 必须是行数或 -1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--since &quot;%1&quot; is not a duration like 5s, 2m or 3h</source>
        <translation>--since &quot;%1&quot; 不是 5s、2m 或 3h 这样的时长</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give exactly one pod name</source>
        <translation>请只指定一个 Pod 名称</translation>
    </message>
    <message>
        <location filename="../app/burstctl/watchcommand.cpp" line="-8"/>
        <source>Print every change of a resource type, one line per event</source>
        <translation>打印某一资源类型的每次变更，每个事件一行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints one line per change of a resource type (TYPE namespace/name resourceVersion): the current objects as ADDED, then every change, across dropped connections and relists.</source>
        <translation>对某一资源类型的每次变更打印一行（TYPE namespace/name resourceVersion）：先将当前对象作为 ADDED 输出，然后输出每次变更；连接中断和重新列举（relist）期间也会持续跟踪。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label selector.</source>
        <translation>标签选择器。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit after N events (0: never).</source>
        <translation>收到 N 个事件后退出（0：不退出）。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/command.cpp" line="+62"/>
        <source>-A (--all-namespaces) does not apply: %1 works on one pod in one namespace, and kubectl %1 has no -A either. Give the pod&apos;s namespace with -n NAMESPACE.</source>
        <translation>-A（--all-namespaces）不适用：%1 作用于一个命名空间中的一个 Pod，kubectl %1 也没有 -A。请用 -n NAMESPACE 指定 Pod 的命名空间。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>burstctl %1: %2</source>
        <translation>burstctl %1: %2</translation>
    </message>
    <message>
        <location filename="../app/burstctl/completioncommand.cpp" line="+184"/>
        <source>Print a shell completion script (bash or zsh)</source>
        <translation>输出 Shell 补全脚本（bash 或 zsh）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints a completion script for bash or zsh: the commands, their flags, the resource types, and file names after -f, --kubeconfig and other path flags.

bash:  source &lt;(burstctl completion bash)
zsh:   source &lt;(burstctl completion zsh)

Exit status: 0, or 2 for an unknown shell.</source>
        <translation>输出 bash 或 zsh 的补全脚本：命令、各命令的选项、资源类型，以及 -f、--kubeconfig 等路径选项之后的文件名。

bash:  source &lt;(burstctl completion bash)
zsh:   source &lt;(burstctl completion zsh)

退出状态：0；未知的 Shell 为 2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bash or zsh.</source>
        <translation>bash 或 zsh。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown shell &quot;%1&quot;; give bash or zsh.</source>
        <translation>未知的 Shell“%1”；请指定 bash 或 zsh。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/obssecretcommand.cpp" line="-247"/>
        <source>account %1 signs in with a password and holds no access key</source>
        <translation>账号 %1 使用密码登录，不持有访问密钥</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>no access key: set %1 and %2, or give --from-account ID</source>
        <translation>没有访问密钥：请设置 %1 和 %2，或给出 --from-account ID</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--check-main-key needs the account&apos;s own access key id: give --main-account ID or set %1</source>
        <translation>--check-main-key 需要账号自身的访问密钥 ID：请给出 --main-account ID 或设置 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot create %1: %2 (an existing file is never overwritten)</source>
        <translation>无法创建 %1：%2（从不覆盖已有文件）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrote Secret %1 to %2 (mode 0600); apply it with kubectl apply -f %2, then delete the file.</source>
        <translation>已将 Secret %1 写入 %2（权限 0600）；用 kubectl apply -f %2 应用后请删除该文件。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>warning: Secret %1/%2 holds the account&apos;s own access key; replace it with a key of an OBS-only sub-user (burstctl obs-secret --help).</source>
        <translation>警告：Secret %1/%2 持有账号自身的访问密钥；请换成仅有 OBS 权限的子用户的密钥（burstctl obs-secret --help）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no Secret in %1 holds the account&apos;s own access key.</source>
        <translation>%1 中没有 Secret 持有账号自身的访问密钥。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>secret/%1 created in %2
</source>
        <translation>secret/%1 已在 %2 中创建
</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>give --apply or --output-file, not both</source>
        <translation>请给出 --apply 或 --output-file，不能同时给出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refusing to print a secret: give --output-file FILE (created 0600) or --apply (sent to the cluster), or --check-main-key</source>
        <translation>拒绝打印密钥：请给出 --output-file FILE（以 0600 创建）或 --apply（发送到集群），或 --check-main-key</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the access key given is the account&apos;s own key; create an OBS-only sub-user and use its key (see --help)</source>
        <translation>给出的访问密钥是账号自身的密钥；请创建仅有 OBS 权限的子用户并使用其密钥（见 --help）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/burstctl/prometheuscommand.cpp" line="-74"/>
        <location filename="../app/burstctl/templatecommand.cpp" line="+142"/>
        <source>give --namespace NAMESPACE</source>
        <translation>请给出 --namespace NAMESPACE</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Create the OBS access-key Secret of a namespace (AK/SK never on the command line)</source>
        <translation>创建命名空间的 OBS 访问密钥 Secret（AK/SK 从不出现在命令行上）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Creates the Secret through which CCI&apos;s OBS volumes reach OBS (the guide&apos;s &quot;longaksk&quot;: data.ak and data.sk, base64; type Opaque, which the guide leaves unsaid).

The access key comes from the environment (OBS_ACCESS_KEY_ID and OBS_SECRET_ACCESS_KEY) or from the console&apos;s credential store (--from-account ID, an AK/SK account), never from the command line, which other users see in the process list. It is never printed: --output-file writes a new file with mode 0600 (never overwriting one), --apply sends it to the cluster of the current context. Printing it on standard output would leave it in terminals, logs and scrollback.

Least privilege (the guide&apos;s chapter 5), before you create the Secret:
  [ ] In IAM, create a user group (e.g. obs_only) and grant it only OBS permissions (OBS Administrator, or narrower).
  [ ] Create an IAM sub-user (e.g. cci-obs) with programmatic access (access key), in that group only.
  [ ] Download the sub-user&apos;s access key and use it here, not the account&apos;s own (main) key.
  [ ] Replace secrets that still hold the main key; mount an OBS volume in a test Job to check reads and writes.

--check-main-key (only when asked) lists the namespace&apos;s Secrets and warns about every one whose ak (or access.key) is the account&apos;s own access key id, given by --main-account ID or BURST_MAIN_ACCESS_KEY_ID. The comparison happens in memory; nothing is cached or logged, and only the Secrets&apos; names are printed. With --apply or --output-file it also refuses a key that is the main one.

Exit status: 0 done, 1 the cluster refused or a Secret holds the main key, 2 bad input.</source>
        <translation>创建 CCI 的 OBS 存储卷访问 OBS 所用的 Secret（指南中的 &quot;longaksk&quot;：data.ak 和 data.sk，base64 编码；类型为 Opaque，指南未说明类型）。

访问密钥来自环境变量（OBS_ACCESS_KEY_ID 和 OBS_SECRET_ACCESS_KEY）或控制台的凭据存储（--from-account ID，一个 AK/SK 账号），从不来自命令行，因为其他用户能在进程列表中看到命令行。密钥从不打印：--output-file 以 0600 权限写入一个新文件（从不覆盖已有文件），--apply 将其发送到当前上下文的集群。打印到标准输出会让密钥留在终端、日志和回滚缓冲区中。

最小权限（指南第 5 章），创建 Secret 之前：
  [ ] 在 IAM 中创建用户组（例如 obs_only），只授予 OBS 权限（OBS Administrator 或更窄）。
  [ ] 创建 IAM 子用户（例如 cci-obs），访问方式为编程访问（访问密钥），只加入该用户组。
  [ ] 下载子用户的访问密钥并在此使用，而不是账号自身的（主）密钥。
  [ ] 替换仍持有主密钥的 Secret；在测试 Job 中挂载 OBS 存储卷，检查读写。

--check-main-key（仅在要求时）列出命名空间的 Secret，并对 ak（或 access.key）等于账号自身访问密钥 ID 的每一个给出警告；主密钥 ID 由 --main-account ID 或 BURST_MAIN_ACCESS_KEY_ID 给出。比较只在内存中进行；不缓存、不记录，只打印 Secret 的名称。与 --apply 或 --output-file 一起使用时，还会拒绝本身就是主密钥的密钥。

退出状态：0 完成，1 集群拒绝或有 Secret 持有主密钥，2 输入错误。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Name of the Secret.</source>
        <translation>Secret 的名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the AK/SK of this console account from the credential store.</source>
        <translation>从凭据存储读取此控制台账号的 AK/SK。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the Secret to this new file, mode 0600.</source>
        <translation>将 Secret 写入这个新文件，权限 0600。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the Secret in the cluster.</source>
        <translation>在集群中创建 Secret。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warn about Secrets in the namespace that hold the account&apos;s own key.</source>
        <translation>对命名空间中持有账号自身密钥的 Secret 给出警告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Console account whose access key id is the main key.</source>
        <translation>其访问密钥 ID 即主密钥的控制台账号。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/prometheuscommand.cpp" line="+11"/>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>burstctl prometheus: Secret %1 holds a placeholder: give --kubeconfig-file FILE, or create it yourself with kubectl create secret generic %1 -n %2 --from-file=kubeconfig=FILE and leave it out of what you apply.</source>
        <translation>burstctl prometheus：Secret %1 中是占位内容：请给出 --kubeconfig-file FILE，或自行用 kubectl create secret generic %1 -n %2 --from-file=kubeconfig=FILE 创建它，并把它从要应用的内容中去掉。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Print the Prometheus objects that monitor a CCI namespace</source>
        <translation>打印监控 CCI 命名空间的 Prometheus 对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints, as multi-document YAML, what the CCI guide deploys to monitor a namespace with Prometheus: a Secret with the kubeconfig Prometheus uses to reach CCI, the ConfigMap prometheus-config (prometheus.yml: pod discovery in the namespaces monitored, a job keeping pods annotated prometheus.io/scrape: &quot;true&quot; at prometheus.io/port and prometheus.io/path, and a job for CCI&apos;s basic pod metrics on port 19100), and the Deployment prometheus mounting both.

Decided where the guide differs:
  - The kubeconfig goes into a Secret (mounted read-only, mode 0400), not the guide&apos;s ConfigMap: it holds a credential, and ConfigMaps are readable by everyone who may read the namespace&apos;s configuration and are shown in plain text.
  - Without --kubeconfig-file the Secret holds a placeholder that Prometheus cannot use, never a credential of yours; fill it or create the Secret yourself.
  - relabel_configs are written under each scrape job (the guide nests them under kubernetes_sd_configs, where Prometheus does not read them).
  - The image defaults to the official Prometheus; a kubeconfig whose user runs cci-iam-authenticator needs an image that bundles it (--image).

With -f FILE it checks the prometheus.io/* annotations of the workloads in FILE instead (port 1-65535, a path starting with &apos;/&apos;, scrape exactly &quot;true&quot; or &quot;false&quot;, the port declared by a container), one diagnostic a line.

Exit status: 0 printed (or no error found), 1 an annotation error, 2 bad input.</source>
        <translation>以多文档 YAML 打印 CCI 指南为用 Prometheus 监控命名空间而部署的对象：一个 Secret，保存 Prometheus 访问 CCI 所用的 kubeconfig；ConfigMap prometheus-config（prometheus.yml：在被监控的命名空间中发现 Pod，一个任务保留带有注解 prometheus.io/scrape: &quot;true&quot; 的 Pod，按 prometheus.io/port 和 prometheus.io/path 采集，另一个任务采集 CCI 在 19100 端口提供的 Pod 基础指标）；以及挂载这两者的 Deployment prometheus。

与指南不同之处的决定：
  - kubeconfig 放入 Secret（只读挂载，权限 0400），而不是指南中的 ConfigMap：它包含凭据，而能读取命名空间配置的人都能读取 ConfigMap，且其内容以明文显示。
  - 不给出 --kubeconfig-file 时，Secret 中是 Prometheus 无法使用的占位内容，绝不是您的凭据；请填写它或自行创建该 Secret。
  - relabel_configs 写在每个采集任务下（指南把它们嵌套在 kubernetes_sd_configs 下，Prometheus 不会在那里读取）。
  - 镜像默认为官方 Prometheus；如果 kubeconfig 的用户运行 cci-iam-authenticator，则需要一个内置它的镜像（--image）。

使用 -f FILE 时，改为检查 FILE 中工作负载的 prometheus.io/* 注解（端口 1-65535，路径以 &apos;/&apos; 开头，scrape 恰为 &quot;true&quot; 或 &quot;false&quot;，端口由某个容器声明），每行一条诊断。

退出状态：0 已打印（或未发现错误），1 注解有错误，2 输入错误。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Namespace Prometheus runs in (and monitors, unless --monitor-namespace is given).</source>
        <translation>Prometheus 运行（并监控，除非给出 --monitor-namespace）的命名空间。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name of the Secret holding the kubeconfig.</source>
        <translation>保存 kubeconfig 的 Secret 的名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kubeconfig to put into that Secret (else a placeholder).</source>
        <translation>放入该 Secret 的 kubeconfig（否则为占位内容）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A namespace whose pods Prometheus discovers. Repeatable.</source>
        <translation>Prometheus 发现其 Pod 的命名空间。可重复。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus image.</source>
        <translation>Prometheus 镜像。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IMAGE</source>
        <translation>IMAGE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long Prometheus keeps samples.</source>
        <translation>Prometheus 保留样本的时长。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the prometheus.io annotations of the workloads in this file or folder (&quot;-&quot;: standard input). Repeatable.</source>
        <translation>检查此文件或文件夹中工作负载的 prometheus.io 注解（&quot;-&quot;：标准输入）。可重复。</translation>
    </message>
    <message>
        <location filename="../app/burstctl/templatecommand.cpp" line="-136"/>
        <source>%1 declares template &quot;%2&quot;; the file must be named after it</source>
        <translation>%1 声明的模板是 &quot;%2&quot;；文件名必须与之相同</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location line="+22"/>
        <source> (shadowed by the one above)</source>
        <translation>（被上面那个遮蔽）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Parameters of template %1 (%2):
</source>
        <translation>模板 %1 的参数（%2）：
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from $%1 or --secret-stdin %2</source>
        <translation>来自 $%1 或 --secret-stdin %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default %1</source>
        <translation>默认 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>required, %1</source>
        <translation>必填，%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>      one of: %1
</source>
        <translation>      可选值：%1
</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>--set %1 is not KEY=VALUE</source>
        <translation>--set %1 不是 KEY=VALUE 形式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is a secret parameter and is not taken on the command line (other users see it in the process list)</source>
        <translation>%1 是机密参数，不从命令行接收（其他用户能在进程列表中看到命令行）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set %1 in the environment, or give --secret-stdin %2 and pipe the value.</source>
        <translation>请在环境变量中设置 %1，或给出 --secret-stdin %2 并通过管道传入值。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--secret-stdin %1: template %2 has no secret parameter of that name</source>
        <translation>--secret-stdin %1：模板 %2 没有这个名称的机密参数</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no template &quot;%1&quot;; burstctl template --list shows them</source>
        <translation>没有模板 &quot;%1&quot;；burstctl template --list 会列出所有模板</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Print the objects of a workload template (e.g. wordpress) as YAML</source>
        <translation>以 YAML 打印工作负载模板（例如 wordpress）的对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renders a workload template for a namespace and prints every object as multi-document YAML, ready for burstctl preview -f - or kubectl apply -f -.

A template is a YAML file: a parameter schema (name, type string/int/bool/quantity/secret, default, required, description, the field paths each value goes to) followed by the objects (docs/templates.md). Values are inserted as YAML nodes at those paths, never by text substitution, so a value cannot add fields. A secret parameter can only go into a Secret&apos;s data or stringData; workloads read it through secretKeyRef.

Where templates come from: each --template-dir, then $XDG_DATA_HOME/burst-console/templates (~/.local/share/...) and the XDG data dirs, then the built-in ones (wordpress: the guide&apos;s WordPress + MySQL). The file is NAME.yaml; the first folder that has it wins.

Secret values are never taken from the command line (the process list shows it): each comes from the environment variable BURST_SECRET_&lt;NAME&gt; (mysqlRootPassword: BURST_SECRET_MYSQL_ROOT_PASSWORD) or, for one parameter, from standard input with --secret-stdin NAME. A missing required secret is an error naming it. The output holds the secrets: pipe it, do not keep it in a file.

Exit status: 0 printed, 1 --list met a broken template, 2 bad input or template.</source>
        <translation>为一个命名空间渲染工作负载模板，并以多文档 YAML 打印每个对象，可直接用于 burstctl preview -f - 或 kubectl apply -f -。

模板是一个 YAML 文件：参数模式（名称、类型 string/int/bool/quantity/secret、默认值、是否必填、说明、每个值写入的字段路径），后面是各个对象（docs/templates.md）。值以 YAML 节点插入这些路径，从不做文本替换，因此值不能增加字段。机密参数只能写入 Secret 的 data 或 stringData；工作负载通过 secretKeyRef 读取。

模板来源：依次为每个 --template-dir、$XDG_DATA_HOME/burst-console/templates（~/.local/share/...）和 XDG 数据目录，最后是内置模板（wordpress：指南中的 WordPress + MySQL）。文件名为 NAME.yaml；第一个包含它的文件夹胜出。

机密值从不取自命令行（进程列表会显示命令行）：每个机密值来自环境变量 BURST_SECRET_&lt;NAME&gt;（mysqlRootPassword：BURST_SECRET_MYSQL_ROOT_PASSWORD），或对一个参数使用 --secret-stdin NAME 从标准输入读取。缺少必填的机密是一个指明该参数的错误。输出中包含机密：请通过管道使用，不要保存到文件。

退出状态：0 已打印，1 --list 遇到损坏的模板，2 输入或模板错误。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Namespace of every object.</source>
        <translation>每个对象的命名空间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A parameter&apos;s value (not for secrets). Repeatable.</source>
        <translation>参数的值（不用于机密）。可重复。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read this secret parameter&apos;s value from standard input.</source>
        <translation>从标准输入读取此机密参数的值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A folder of templates, searched first. Repeatable.</source>
        <translation>一个模板文件夹，最先搜索。可重复。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the templates and where they come from.</source>
        <translation>列出模板及其来源。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the template&apos;s parameters, their types, defaults and targets.</source>
        <translation>显示模板的参数、类型、默认值和写入位置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template, e.g. wordpress.</source>
        <translation>模板，例如 wordpress。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../core/burst/burststrategy.cpp" line="+83"/>
        <source>&quot;%1&quot; is not a burst strategy; this label is ignored, not read as off</source>
        <translation>&quot;%1&quot; 不是有效的弹性策略；该标签将被忽略，不会按 off 处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use one of auto, localPrefer, enforce or off (case-sensitive).</source>
        <translation>请使用 auto、localPrefer、enforce 或 off 之一（区分大小写）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (%2) and %3 (%4) disagree; %1 is used</source>
        <translation>%1（%2）与 %3（%4）不一致；使用 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set both labels to the same value, or keep only one of them.</source>
        <translation>把两个标签设为相同的值，或只保留其中一个。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the pod template label (%1) overrides the workload label (%2)</source>
        <translation>Pod 模板标签（%1）覆盖了工作负载标签（%2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the burst label overrides ScheduleProfile &quot;%1&quot; (strategy %2); a label always has priority over a profile</source>
        <translation>弹性标签覆盖了 ScheduleProfile &quot;%1&quot;（策略 %2）；标签的优先级始终高于 profile</translation>
    </message>
    <message>
        <location filename="../core/burst/hostpathreplacement.cpp" line="+54"/>
        <source>%1 is required</source>
        <translation>%1 为必填项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &quot;%1&quot;: &quot;10Gi&quot;.</source>
        <translation>请添加 &quot;%1&quot;: &quot;10Gi&quot;。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/burst/podresources.cpp" line="+51"/>
        <source>%1 must be a quantity string</source>
        <translation>%1 必须是字符串形式的数量值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 must be greater than zero</source>
        <translation>%1 必须大于 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a size such as 1Gi or 500Mi.</source>
        <translation>请填写大小，例如 1Gi 或 500Mi。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>policyType %1 needs a &quot;%2&quot; object</source>
        <translation>policyType 为 %1 时需要配置 &quot;%2&quot; 对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &quot;%1&quot;: {&quot;sizeLimit&quot;: &quot;1Gi&quot;} to entry %2.</source>
        <translation>请在条目 %2 中添加 &quot;%1&quot;: {&quot;sizeLimit&quot;: &quot;1Gi&quot;}。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>flexVolume.driver is required</source>
        <translation>flexVolume.driver 为必填项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use &quot;driver&quot;: &quot;huawei.com/fuxidisk&quot; for EVS.</source>
        <translation>EVS 云硬盘请使用 &quot;driver&quot;: &quot;huawei.com/fuxidisk&quot;。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>volumeType &quot;%1&quot; is not an EVS type</source>
        <translation>volumeType &quot;%1&quot; 不是有效的 EVS 规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use sata (common I/O), sas (high I/O) or ssd (ultra-high I/O).</source>
        <translation>请使用 sata（普通 I/O）、sas（高 I/O）或 ssd（超高 I/O）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>entry %1 is not an object</source>
        <translation>条目 %1 不是对象</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>entry %1 has no volume name</source>
        <translation>条目 %1 未指定卷名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name a hostPath volume, or &quot;*&quot; for all of them.</source>
        <translation>请指定一个 hostPath 卷名称，或使用 &quot;*&quot; 表示所有 hostPath 卷。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown policyType &quot;%1&quot;</source>
        <translation>未知的 policyType &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use remove, replaceByLocalDir, replaceByEmptyDir or replaceByFlexVolume.</source>
        <translation>请使用 remove、replaceByLocalDir、replaceByEmptyDir 或 replaceByFlexVolume。</translation>
    </message>
    <message>
        <location filename="../core/burst/annotationarray.cpp" line="+19"/>
        <source>not valid JSON at offset %1: %2</source>
        <translation>偏移量 %1 处的 JSON 无效：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the value must be a JSON array</source>
        <translation>取值必须是 JSON 数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a JSON array such as %1.</source>
        <translation>请填写 JSON 数组，例如 %1。</translation>
    </message>
    <message>
        <location filename="../core/burst/hostpathreplacement.cpp" line="+91"/>
        <source>volume &quot;%1&quot; has more than one rule</source>
        <translation>卷 &quot;%1&quot; 配置了多条规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep one rule per volume name.</source>
        <translation>每个卷名称只保留一条规则。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>rule %1 names &quot;%2&quot;, which is not a hostPath volume of this pod</source>
        <translation>规则 %1 指定的 &quot;%2&quot; 不是该 Pod 的 hostPath 卷</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name one of the pod&apos;s hostPath volumes, or use &quot;*&quot;.</source>
        <translation>请指定该 Pod 的某个 hostPath 卷，或使用 &quot;*&quot;。</translation>
    </message>
    <message>
        <location filename="../core/burst/imagereplacement.cpp" line="+30"/>
        <source>repositoryPrefix &quot;%1&quot; ends with &quot;/&quot;</source>
        <translation>repositoryPrefix &quot;%1&quot; 以 &quot;/&quot; 结尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the trailing &quot;/&quot;: the prefix is everything before the image name&apos;s last &quot;/&quot;.</source>
        <translation>请删除末尾的 &quot;/&quot;：前缀是镜像名中最后一个 &quot;/&quot; 之前的部分。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>repositoryPrefix &quot;%1&quot; is not an image name: %2</source>
        <translation>repositoryPrefix &quot;%1&quot; 不是有效的镜像名：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>Use lower-case path components, optionally after a registry host.</source>
        <translation>请使用小写的路径段，可在前面加上镜像仓库地址。</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>replaceWith is empty</source>
        <translation>replaceWith 为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the registry and organization to use on CCI, e.g. swr.cn-north-4.myhuaweicloud.com/org.</source>
        <translation>请填写在 CCI 上使用的镜像仓库地址和组织，例如 swr.cn-north-4.myhuaweicloud.com/org。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>replaceWith &quot;%1&quot; ends with &quot;/&quot;</source>
        <translation>replaceWith &quot;%1&quot; 以 &quot;/&quot; 结尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the trailing &quot;/&quot;; it is added when the prefix is replaced.</source>
        <translation>请删除末尾的 &quot;/&quot;；替换前缀时会自动添加。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>replaceWith equals repositoryPrefix &quot;%1&quot;</source>
        <translation>replaceWith 与 repositoryPrefix &quot;%1&quot; 相同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rule must change the prefix; remove the rule or change replaceWith.</source>
        <translation>替换策略必须改变前缀；请删除该替换策略或修改 replaceWith。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>replaceWith &quot;%1&quot; is not an image name: %2</source>
        <translation>replaceWith &quot;%1&quot; 不是有效的镜像名：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>entry %1 must be an object with string fields repositoryPrefix and replaceWith</source>
        <translation>条目 %1 必须是包含字符串字段 repositoryPrefix 和 replaceWith 的对象</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>repositoryPrefix &quot;%1&quot; appears in more than one rule</source>
        <translation>repositoryPrefix &quot;%1&quot; 出现在多条替换策略中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep one rule per prefix; each image uses at most one rule.</source>
        <translation>每个前缀只保留一条替换策略；每个镜像至多应用一条替换策略。</translation>
    </message>
    <message>
        <location filename="../core/burst/podresources.cpp" line="+1"/>
        <source>Write a quantity such as 250m or 512Mi.</source>
        <translation>请填写数量值，例如 250m 或 512Mi。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 is negative</source>
        <translation>%1 的值 %2 为负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource amounts must be zero or more.</source>
        <translation>资源量必须大于或等于 0。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 must be a list</source>
        <translation>%1 必须是列表</translation>
    </message>
    <message>
        <location filename="../core/burst/preview.cpp" line="+55"/>
        <source>%1 is set on the %2, where virtual-kubelet does not read it</source>
        <translation>%1 设置在 %2 上，virtual-kubelet 不会从此处读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move it to %1.</source>
        <translation>请将其移至 %1。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>ScheduleProfile &quot;%1&quot; limits a location with maxNum; a rolling update with maxSurge %2 can place fewer pods there than expected</source>
        <translation>ScheduleProfile &quot;%1&quot; 通过 maxNum 限制了某一位置的 Pod 数量；maxSurge 为 %2 的滚动升级可能导致该位置调度的 Pod 少于预期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set spec.strategy.rollingUpdate.maxSurge to 0.</source>
        <translation>请将 spec.strategy.rollingUpdate.maxSurge 设置为 0。</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>Precedence: pod-template label &gt; workload label &gt; ScheduleProfile &gt; none.</source>
        <translation>优先级：Pod 模板标签 &gt; 工作负载标签 &gt; ScheduleProfile &gt; 无。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An invalid label value is an error and is ignored, never read as off.</source>
        <translation>无效的标签值是错误，会被忽略，绝不会被当作 off。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ScheduleProfile with an empty selector captures no pods.</source>
        <translation>选择器为空的 ScheduleProfile 不匹配任何 Pod。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hostPath rule &quot;*&quot; covers every hostPath volume no named rule covers.</source>
        <translation>hostPath 规则“*”覆盖所有未被具名规则覆盖的 hostPath 卷。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When an init container dominates a resource, the first app container is raised just enough for the pod to reach the normalized value.</source>
        <translation>当某项资源由 init 容器决定时，第一个应用容器被调高到恰好使 Pod 达到规整后的值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pod cpu must be a multiple of 250m.</source>
        <translation>Pod 的 cpu 必须是 250m 的整数倍。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the strategy is off or unset, CCI findings are reported as info.</source>
        <translation>策略为 off 或未设置时，CCI 相关发现以提示（info）报告。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantities above 2^63-1 (for example 1e400) are errors, not capped.</source>
        <translation>超过 2^63-1 的数量（例如 1e400）是错误，不会被截断。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The auto strategy is simulated as an approximation of the real scheduler: the least-allocated local node, else CCI.</source>
        <translation>auto 策略按真实调度器的近似来模拟：分配最少的本地节点，否则 CCI。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale-down: the location with the higher scaleDownPriority loses pods first; on a tie, CCI pods go first.</source>
        <translation>缩容：scaleDownPriority 较高的位置先删除 Pod；相同时先删除 CCI 上的 Pod。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When virtual-kubelet.io/burst-to-cci and CCI 2.0&apos;s bursting.cci.io/burst-to-cci are both set on one label set, the first wins; differing values are a warning.</source>
        <translation>当同一组标签上同时设置了 virtual-kubelet.io/burst-to-cci 和 CCI 2.0 的 bursting.cci.io/burst-to-cci 时，以前者为准；两者取值不同时给出警告。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Graceful rollout is checked for Deployments and StatefulSets behind a LoadBalancer Service; the preStop sleep must also stay below terminationGracePeriodSeconds.</source>
        <translation>只对位于 LoadBalancer Service 之后的 Deployment 和 StatefulSet 检查优雅滚动升级；preStop 的 sleep 还必须小于 terminationGracePeriodSeconds。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/dev/shm is taken from the pod&apos;s memory: it never raises the normalized size.</source>
        <translation>/dev/shm 占用的是 Pod 自身的内存：它不会增大规整后的规格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burst pods go to the first schedulable virtual node: the global node, then AZ-level nodes by name.</source>
        <translation>弹性 Pod 进入第一个可调度的虚拟节点：先全局节点，再按名称排序的 AZ 级节点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Namespace without the namespace.kubernetes.io/flavor annotation is a warning, not an error: the same object is valid on CCE.</source>
        <translation>缺少 namespace.kubernetes.io/flavor 注解的 Namespace 报警告而非错误：同一对象在 CCE 上是有效的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A GPU pod is checked against its namespace&apos;s flavour only when a Namespace of the input (or the cluster) gives it; GPU counts of 1, 2, 4 or 8 come with 4 cores and 32Gi each, and a smaller pod is raised to that.</source>
        <translation>仅当输入（或集群）中的 Namespace 给出命名空间类型时，才按该类型检查 GPU Pod；GPU 数量可为 1、2、4 或 8，每块 GPU 配 4 核和 32Gi，规格更小的 Pod 会被提升到该规格。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Network&apos;s CIDR must be written as its network address (no host bits set).</source>
        <translation>Network 的 CIDR 必须写成网络地址（主机位不得置位）。</translation>
    </message>
    <message>
        <location filename="../core/burst/resourcenormalizer.cpp" line="+131"/>
        <source>step 1: cpu rounded up to a multiple of 250m</source>
        <translation>步骤 1：CPU 向上调整至 250m 的整数倍</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step 1: memory raised to at least 0.2Gi</source>
        <translation>步骤 1：内存向上调整至不小于 0.2Gi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step 3: pod memory rounded up to a whole Gi, added to the first container</source>
        <translation>步骤 3：Pod 内存向上调整至 1Gi 的整数倍，增量添加到第一个容器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step 4: memory raised to twice the cpu (memory:cpu at least 2)</source>
        <translation>步骤 4：内存向上调整至 CPU 的 2 倍（内存/CPU 比值不小于 2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step 4: cpu raised to an eighth of the memory (memory:cpu at most 8)</source>
        <translation>步骤 4：CPU 向上调整至内存的 1/8（内存/CPU 比值不大于 8）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU pod: cpu and memory raised to the specification of its GPU count</source>
        <translation>GPU Pod：cpu 和内存提升到其 GPU 数量对应的规格</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>pod cpu must be greater than 0 (every container is BestEffort or asks for no cpu)</source>
        <translation>Pod 的 CPU 必须大于 0（所有容器均为 BestEffort 或未申请 CPU）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set resources.limits.cpu or requests.cpu on a container.</source>
        <translation>请为容器设置 resources.limits.cpu 或 requests.cpu。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pod cpu %1 is outside 0.25-32 cores and is not 48 or 64</source>
        <translation>Pod 的 CPU %1 不在 0.25~32 核范围内，也不等于 48 核或 64 核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the pod between 250m and 32 cpu, or exactly 48 or 64.</source>
        <translation>请将 Pod 的 CPU 设置在 250m~32 核之间，或设置为 48 核或 64 核。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pod cpu %1 is not a multiple of 250m</source>
        <translation>Pod 的 CPU %1 不是 250m 的整数倍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round the containers&apos; cpu up so the pod total is a multiple of 0.25 cores.</source>
        <translation>将各容器的 CPU 向上调整，使 Pod 总量为 0.25 核的整数倍。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pod memory %1 is outside 1Gi-512Gi</source>
        <translation>Pod 的内存 %1 不在 1Gi~512Gi 范围内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the pod between 1Gi and 512Gi of memory.</source>
        <translation>请将 Pod 的内存设置在 1Gi~512Gi 之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pod memory %1 is not a whole number of Gi</source>
        <translation>Pod 的内存 %1 不是 1Gi 的整数倍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round the memory of the containers up so the pod total is a multiple of 1Gi.</source>
        <translation>请向上调整各容器的内存，使 Pod 内存总量为 1Gi 的整数倍。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pod memory:cpu is %1 : %2, outside 2-8 Gi per core</source>
        <translation>Pod 的内存:CPU 为 %1 : %2，不在每核 2~8Gi 的范围内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the pod between 2Gi and 8Gi of memory per cpu core.</source>
        <translation>请为 Pod 的每核 CPU 配置 2Gi~8Gi 内存。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>pod %1 cpu / %2 memory is above 32 cores or 256Gi, so it is not auto-normalized and CCI rejects it</source>
        <translation>Pod 规格 %1 CPU / %2 内存超过 32 核或 256Gi，不会进行资源自动规整，CCI 将拒绝该 Pod</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Size the pod to a valid CCI shape yourself: 48 or 64 cores with 2-8Gi per core, or at most 32 cores and 256Gi.</source>
        <translation>请自行将 Pod 调整为 CCI 支持的规格：48 核或 64 核且每核 2~8Gi 内存，或不超过 32 核和 256Gi。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>after step 1 the pod needs %1 cpu / %2 memory, above 32 cores or 256Gi; normalization stops and CCI rejects the pod</source>
        <translation>步骤 1 后 Pod 需要 %1 CPU / %2 内存，超过 32 核或 256Gi；资源自动规整终止，CCI 将拒绝该 Pod</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the pod must grow to %1 cpu / %2 memory but every app container is BestEffort, so no container can carry the increase</source>
        <translation>Pod 需增加到 %1 CPU / %2 内存，但所有应用容器均为 BestEffort，没有容器可以承载该增量</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+51"/>
        <source>Give the first app container cpu and memory requests or limits.</source>
        <translation>请为第一个应用容器设置 CPU 和内存的 requests 或 limits。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>CCI auto-normalizes the pod from %1 cpu / %2 memory to %3 cpu / %4 memory</source>
        <translation>CCI 将对 Pod 进行资源自动规整：从 %1 CPU / %2 内存调整为 %3 CPU / %4 内存</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+47"/>
        <source>Set these values yourself to make the pod&apos;s cost visible in the manifest.</source>
        <translation>请在清单中自行设置这些值，以便直观体现 Pod 的实际费用。</translation>
    </message>
    <message numerus="yes">
        <location line="-36"/>
        <source>%n GPU(s) come with %1 cpu / %2 memory</source>
        <translation>
            <numerusform>%n 块 GPU 配 %1 cpu / %2 内存</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>pod %1 cpu / %2 memory is larger than its GPU specification: %3</source>
        <translation>Pod 的 %1 cpu / %2 内存大于其 GPU 规格：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask for more GPUs, or lower the pod&apos;s cpu and memory to the specification.</source>
        <translation>请申请更多 GPU，或将 Pod 的 cpu 和内存降到该规格。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the GPU pod must grow to its specification (%1) but every app container is BestEffort, so no container can carry the increase</source>
        <translation>GPU Pod 必须提升到其规格（%1），但所有应用容器都是 BestEffort，没有容器可以承载增加的资源</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>CCI raises the GPU pod from %1 cpu / %2 memory to its specification: %3</source>
        <translation>CCI 将该 GPU Pod 从 %1 cpu / %2 内存提升到其规格：%3</translation>
    </message>
    <message>
        <location filename="../core/burst/scheduleprofile.cpp" line="+23"/>
        <source>%1 must be an integer</source>
        <translation>%1 必须是整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a whole number without quotes.</source>
        <translation>请填写不带引号的整数。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 must be an object</source>
        <translation>%1 必须是对象</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>maxNum %1 is outside [0, 2147483647]</source>
        <translation>maxNum %1 超出取值范围 [0, 2147483647]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a pod count between 0 and 2147483647.</source>
        <translation>请使用 0 到 2147483647 之间的 Pod 数量。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>scaleDownPriority %1 is outside [-100, 100]</source>
        <translation>scaleDownPriority %1 超出取值范围 [-100, 100]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a priority between -100 and 100; the location with the higher value loses pods first on scale-down.</source>
        <translation>请使用 -100 到 100 之间的优先级；缩容时取值较高的位置优先删除 Pod。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>the profile has no name</source>
        <translation>profile 未设置名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>strategy is missing</source>
        <translation>缺少 strategy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not a profile strategy</source>
        <translation>&quot;%1&quot; 不是有效的 profile 策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use auto, enforce or localPrefer; &quot;off&quot; exists only as a pod label.</source>
        <translation>请使用 auto、enforce 或 localPrefer；&quot;off&quot; 仅可作为 Pod 标签的取值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the selector is empty, so this profile captures no pods (decided: an empty selector matches nothing, unlike Kubernetes)</source>
        <translation>选择器为空，该 profile 不会关联任何 Pod（约定：与 Kubernetes 不同，空选择器不匹配任何对象）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add matchLabels or matchExpressions that select the workload&apos;s pods.</source>
        <translation>请添加能选中该工作负载 Pod 的 matchLabels 或 matchExpressions。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>maxNum is set on both local and cci</source>
        <translation>local 和 cci 同时配置了 maxNum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit only one location: remove maxNum from local or cci.</source>
        <translation>只能限制一个位置：请删除 local 或 cci 中的 maxNum。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a localPrefer profile may configure local or cci, not both</source>
        <translation>localPrefer 策略的 profile 只能配置 local 或 cci 之一，不能同时配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave one of spec.location.local and spec.location.cci empty ({}).</source>
        <translation>请将 spec.location.local 和 spec.location.cci 之一保留为空（{}）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an enforce profile only takes pods that no other profile has claimed; auto and localPrefer profiles may also take unclaimed pods</source>
        <translation>enforce 策略的 profile 只关联未被其他 profile 关联的 Pod；auto 和 localPrefer 策略的 profile 也可以关联未被关联的 Pod</translation>
    </message>
    <message>
        <location filename="../core/burst/shapechecks.cpp" line="+67"/>
        <source>hostPath volume &quot;%1&quot; is not available on CCI</source>
        <translation>CCI 不支持 hostPath 卷 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a coordinator.cci.io/hostpath-replacement rule for &quot;%1&quot; (remove, replaceByLocalDir, replaceByEmptyDir or replaceByFlexVolume).</source>
        <translation>请为 &quot;%1&quot; 添加 coordinator.cci.io/hostpath-replacement 规则（remove、replaceByLocalDir、replaceByEmptyDir 或 replaceByFlexVolume）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Memory emptyDir &quot;%1&quot; is larger than the pod&apos;s memory</source>
        <translation>Memory 类型的 emptyDir &quot;%1&quot; 大于 Pod 的内存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lower sizeLimit to at most the pod memory.</source>
        <translation>请将 sizeLimit 调低至不超过 Pod 的内存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on CCI the projected token is the long-lived service-account token; audience and expirationSeconds are ignored</source>
        <translation>在 CCI 上，projected 卷挂载的是长期有效的 service-account token；audience 和 expirationSeconds 配置不会生效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not rely on token expiry or audience in burst pods.</source>
        <translation>在弹性 Pod 中请勿依赖 token 的过期时间或受众（audience）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>claim &quot;%1&quot; must be SFS or SFS Turbo through a CSI StorageClass on CCI; this cannot be checked from the manifest</source>
        <translation>在 CCI 上，PVC &quot;%1&quot; 必须通过 CSI 类型的 StorageClass 使用 SFS 或 SFS Turbo；无法通过清单检查此项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check the claim&apos;s StorageClass before bursting.</source>
        <translation>弹性到 CCI 前请检查该 PVC 的 StorageClass。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 volume &quot;%2&quot; is not supported on CCI</source>
        <translation>CCI 不支持 %1 类型的卷 &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI supports configMap, secret, emptyDir, downwardAPI, projected and persistentVolumeClaim volumes.</source>
        <translation>CCI 支持 configMap、secret、emptyDir、downwardAPI、projected 和 persistentVolumeClaim 类型的卷。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>emptyDir &quot;%1&quot; is mounted with a subPath, which CCI does not support</source>
        <translation>emptyDir &quot;%1&quot; 通过 subPath 挂载，CCI 不支持此方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mount the whole emptyDir, or use a separate volume.</source>
        <translation>请挂载整个 emptyDir，或改用单独的卷。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>sysctl %1 is not allowed on CCI</source>
        <translation>CCI 不允许使用 sysctl %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed: kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*, net.* except net.netfilter.* and net.ipv4.vs.*.</source>
        <translation>允许使用：kernel.shm*、kernel.msg*、kernel.sem、fs.mqueue.*，以及除 net.netfilter.* 和 net.ipv4.vs.* 以外的 net.*。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SYS_ADMIN is requested; CCI runs pods in a shared environment and may refuse or restrict it</source>
        <translation>申请了 SYS_ADMIN 权限；CCI 在共享环境中运行 Pod，可能拒绝或限制该权限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop SYS_ADMIN for burst pods if the workload can run without it.</source>
        <translation>如果工作负载无需 SYS_ADMIN 也能运行，请在弹性 Pod 中去除该权限。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Service &quot;%1&quot; is %2; across CCE and CCI only ClusterIP Services interconnect</source>
        <translation>Service &quot;%1&quot; 的类型为 %2；跨 CCE 和 CCI 的 Service 网络互通仅支持 ClusterIP 类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reach burst pods through a ClusterIP Service.</source>
        <translation>请通过 ClusterIP 类型的 Service 访问弹性 Pod。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>LoadBalancer Service &quot;%1&quot; sets a health-check port; CCE and CCI backends register different ports, so some checks fail</source>
        <translation>LoadBalancer 类型的 Service &quot;%1&quot; 指定了健康检查端口；CCE 与 CCI 后端注册的端口不一致，会导致部分后端健康检查异常</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not specify a health-check port on Services shared with CCI.</source>
        <translation>与 CCI 共用的 Service 请勿指定健康检查端口。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LoadBalancer Services work with the auto and enforce strategies only, not localPrefer</source>
        <translation>LoadBalancer 类型的 Service 仅支持 auto 和 enforce 策略，不支持 localPrefer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use auto or enforce for workloads behind a LoadBalancer.</source>
        <translation>对接 LoadBalancer 的工作负载请使用 auto 或 enforce 策略。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>DaemonSet pods never burst to CCI, but the strategy is %1</source>
        <translation>DaemonSet 的 Pod 不支持弹性到 CCI，但其弹性策略为 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the burst label or set it to off.</source>
        <translation>请删除弹性标签或将其设置为 off。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pods with hostNetwork: true cannot burst to CCI</source>
        <translation>hostNetwork: true 的 Pod 无法弹性到 CCI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove hostNetwork, or set the burst label to off.</source>
        <translation>请删除 hostNetwork，或将弹性标签设置为 off。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>with network interconnection on, CCI injects one system sidecar: the running pod shows one container more</source>
        <translation>开启网络互通后，CCI 会注入一个系统 sidecar：运行中的 Pod 会比定义的多一个容器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 log policies: reserve %2MB of memory for log collection</source>
        <translation>%1 个日志策略：请为日志采集预留 %2MB 内存</translation>
    </message>
    <message>
        <location filename="../core/kube/imagereference.cpp" line="+143"/>
        <source>the repository path component &quot;%1&quot; must be lower case</source>
        <translation>仓库路径段 &quot;%1&quot; 必须为小写</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is neither a registry host (name, IPv4 or [IPv6] address with optional :port) nor a repository path component</source>
        <translation>&quot;%1&quot; 既不是镜像仓库主机（主机名、IPv4 或 [IPv6] 地址，可带 :port），也不是仓库路径段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the repository path component &quot;%1&quot; may only contain lower-case letters and digits separated by &apos;.&apos;, &apos;_&apos;, &apos;__&apos; or &apos;-&apos;</source>
        <translation>仓库路径段 &quot;%1&quot; 只能包含小写字母和数字，并以 &apos;.&apos;、&apos;_&apos;、&apos;__&apos; 或 &apos;-&apos; 分隔</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name must not start with &apos;/&apos;</source>
        <translation>名称不能以 &apos;/&apos; 开头</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name must not end with &apos;/&apos;</source>
        <translation>名称不能以 &apos;/&apos; 结尾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name contains an empty path component (&apos;//&apos;)</source>
        <translation>名称包含空的路径段（&apos;//&apos;）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the name is %1 characters long; at most %2 are allowed</source>
        <translation>名称长度为 %1 个字符，最多允许 %2 个字符</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the tag after &apos;:&apos; is empty</source>
        <translation>&apos;:&apos; 之后的 tag 为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the tag is %1 characters long; at most %2 are allowed</source>
        <translation>tag 长度为 %1 个字符，最多允许 %2 个字符</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the tag &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; and must not start with &apos;.&apos; or &apos;-&apos;</source>
        <translation>tag &quot;%1&quot; 只能包含字母、数字、&apos;_&apos;、&apos;.&apos; 和 &apos;-&apos;，且不能以 &apos;.&apos; 或 &apos;-&apos; 开头</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the digest &quot;%1&quot; must look like sha256:&lt;64 hexadecimal digits&gt;</source>
        <translation>摘要 &quot;%1&quot; 的格式必须为 sha256:&lt;64 位十六进制数字&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the digest algorithm &quot;%1&quot; is not supported</source>
        <translation>不支持摘要算法 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a %1 digest has exactly %2 lower-case hexadecimal digits</source>
        <translation>%1 摘要必须恰好包含 %2 位小写十六进制数字</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&quot;%1&quot; is only a registry host; add the repository path after it (e.g. &quot;%1/app&quot;)</source>
        <translation>&quot;%1&quot; 仅为镜像仓库主机；请在其后添加仓库路径（例如 &quot;%1/app&quot;）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Invalid image reference &quot;%1&quot;: %2.</source>
        <translation>镜像地址 &quot;%1&quot; 无效：%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image references look like &quot;nginx:1.25&quot;, &quot;registry.example.com:5000/team/app:v1&quot; or &quot;app@sha256:&lt;64 hexadecimal digits&gt;&quot;.</source>
        <translation>镜像地址格式示例：&quot;nginx:1.25&quot;、&quot;registry.example.com:5000/team/app:v1&quot; 或 &quot;app@sha256:&lt;64 位十六进制数字&gt;&quot;。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The image reference is empty.</source>
        <translation>镜像地址为空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter an image such as &quot;nginx:1.25&quot;.</source>
        <translation>请输入镜像，例如 &quot;nginx:1.25&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>64 hexadecimal digits are an image ID, not a repository name</source>
        <translation>64 位十六进制数字是镜像 ID，而不是仓库名称</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>a repository name must not contain a digest (&apos;@&apos;)</source>
        <translation>仓库名称不能包含摘要（&apos;@&apos;）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a repository name must not contain a tag (&quot;%1&quot;)</source>
        <translation>仓库名称不能包含 tag（&quot;%1&quot;）</translation>
    </message>
    <message>
        <location filename="../core/kube/labelselector.cpp" line="+67"/>
        <source>must consist of alphanumeric characters, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, and must start and end with an alphanumeric character (e.g. &apos;MyName&apos;, &apos;my.name&apos; or &apos;123-abc&apos;)</source>
        <translation>必须由字母、数字、&apos;-&apos;、&apos;_&apos; 或 &apos;.&apos; 组成，且必须以字母或数字开头和结尾（例如 &apos;MyName&apos;、&apos;my.name&apos; 或 &apos;123-abc&apos;）</translation>
    </message>
    <message>
        <location filename="../core/kube/jsonyaml.cpp" line="+147"/>
        <source>the document nests more than %1 levels deep once its aliases are expanded (limit kMaxNestingDepth = %1); an alias inside its own anchor never ends</source>
        <translation>文档在展开别名后嵌套超过 %1 层（限制 kMaxNestingDepth = %1）；位于自身锚点内的别名永远不会结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flatten the structure or remove the alias that refers to an enclosing anchor</source>
        <translation>请简化结构，或删除引用外层锚点的别名</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the document decodes to more than %1 nodes (limit kMaxDecodedNodes = %1)</source>
        <translation>文档解码后超过 %1 个节点（限制 kMaxDecodedNodes = %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>split the document or write out fewer aliases</source>
        <translation>请拆分文档或减少别名</translation>
    </message>
    <message>
        <location line="+258"/>
        <location filename="../core/kube/kubeconfigdecoder.cpp" line="+75"/>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/kube/kubeconfigdecoder.cpp" line="-8"/>
        <location line="+47"/>
        <location filename="../core/kube/labelselector.cpp" line="+64"/>
        <location line="+61"/>
        <location line="+49"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/kube/kubeconfigdecoder.cpp" line="-10"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/kube/kubeconfigdecoder.cpp" line="-8"/>
        <location line="+32"/>
        <location line="+20"/>
        <location line="+21"/>
        <location line="+100"/>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../core/kube/labelselector.cpp" line="-166"/>
        <source>%1 must be %2, not %3.</source>
        <translation>%1 必须是%2，而不是%3。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The label value is the boolean %1, but label values must be strings.</source>
        <translation>标签值为布尔值 %1，但标签值必须是字符串。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote the value in YAML (for example &quot;off&quot; or &quot;true&quot;): unquoted off, on, yes, no, true and false are read as booleans.</source>
        <translation>请在 YAML 中为该值加引号（例如 &quot;off&quot; 或 &quot;true&quot;）：未加引号的 off、on、yes、no、true 和 false 会被解析为布尔值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The label value is the number %1, but label values must be strings.</source>
        <translation>标签值为数字 %1，但标签值必须是字符串。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote the value in YAML (&quot;%1&quot;): unquoted numbers are not strings.</source>
        <translation>请在 YAML 中为该值加引号（&quot;%1&quot;）：未加引号的数字不是字符串。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown field &quot;%1&quot; is ignored.</source>
        <translation>未知字段 &quot;%1&quot; 已忽略。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed fields here: %1.</source>
        <translation>此处允许的字段：%1。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is null and is read as an empty string.</source>
        <translation>%1 为 null，将按空字符串处理。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write &quot;&quot; if an empty value is intended.</source>
        <translation>如需空值，请写作 &quot;&quot;。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a mapping of label keys to values</source>
        <translation>标签键到值的映射</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A label value</source>
        <translation>标签值</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unknown selector operator &quot;%1&quot;.</source>
        <translation>未知的选择器运算符 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Operators are case-sensitive: write %1.</source>
        <translation>运算符区分大小写：请写作 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gt and Lt exist only in node selector terms (node affinity); a label selector accepts In, NotIn, Exists or DoesNotExist.</source>
        <translation>Gt 和 Lt 仅用于节点选择器条件（节点亲和性）；标签选择器只接受 In、NotIn、Exists 或 DoesNotExist。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+9"/>
        <source>Use In, NotIn, Exists or DoesNotExist.</source>
        <translation>请使用 In、NotIn、Exists 或 DoesNotExist。</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The operator of a match expression is missing.</source>
        <translation>匹配表达式缺少运算符（operator）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a list of strings</source>
        <translation>字符串列表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A value</source>
        <translation>取值</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A match expression</source>
        <translation>匹配表达式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a mapping with key, operator and values</source>
        <translation>包含 key、operator 和 values 的映射</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>a list of match expressions</source>
        <translation>匹配表达式列表</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../core/kube/selectorparser.cpp" line="+196"/>
        <source>Invalid label key &quot;%1&quot;: %2.</source>
        <translation>标签键 &quot;%1&quot; 无效：%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label keys look like &quot;app&quot; or &quot;example.com/app&quot;.</source>
        <translation>标签键格式示例：&quot;app&quot; 或 &quot;example.com/app&quot;。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid label value &quot;%1&quot;: %2.</source>
        <translation>标签值 &quot;%1&quot; 无效：%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label values are empty or up to 63 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting and ending with a letter or digit.</source>
        <translation>标签值可以为空，或由不超过 63 个字母、数字、&apos;-&apos;、&apos;_&apos; 或 &apos;.&apos; 组成，且以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>values must be specified when the operator is In or NotIn.</source>
        <translation>运算符为 In 或 NotIn 时必须指定 values。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List at least one value, or use Exists / DoesNotExist.</source>
        <translation>请至少列出一个值，或使用 Exists / DoesNotExist。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>values may not be specified when the operator is Exists or DoesNotExist.</source>
        <translation>运算符为 Exists 或 DoesNotExist 时不能指定 values。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the values, or use In / NotIn to compare against them.</source>
        <translation>请删除 values，或使用 In / NotIn 与这些值进行比较。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A label selector</source>
        <translation>标签选择器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a mapping with matchLabels and/or matchExpressions</source>
        <translation>包含 matchLabels 和/或 matchExpressions 的映射</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+41"/>
        <source>must be no more than %1 characters</source>
        <translation>长度不能超过 %1 个字符</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, &apos;-&apos; or &apos;.&apos;, and must start and end with an alphanumeric character (e.g. &apos;example.com&apos;)</source>
        <translation>小写 RFC 1123 子域名必须由小写字母、数字、&apos;-&apos; 或 &apos;.&apos; 组成，且必须以字母或数字开头和结尾（例如 &apos;example.com&apos;）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a qualified name %1, with an optional DNS subdomain prefix and &apos;/&apos; (e.g. &apos;example.com/MyName&apos;)</source>
        <translation>限定名称%1，前面可加 DNS 子域名前缀和 &apos;/&apos;（例如 &apos;example.com/MyName&apos;）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>prefix part must be non-empty</source>
        <translation>前缀部分不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prefix part %1</source>
        <translation>前缀部分：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name part must be non-empty</source>
        <translation>名称部分不能为空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name part must be no more than %1 characters</source>
        <translation>名称部分长度不能超过 %1 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name part %1</source>
        <translation>名称部分%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a valid label value must be an empty string or %1</source>
        <translation>有效的标签值必须为空字符串，或%1</translation>
    </message>
    <message>
        <location filename="../core/kube/manifestloader.cpp" line="+24"/>
        <source>Fix: %1</source>
        <translation>修复建议：%1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>object has no &quot;kind&quot;; every Kubernetes object needs apiVersion and kind</source>
        <translation>对象缺少 &quot;kind&quot;；每个 Kubernetes 对象都需要 apiVersion 和 kind</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>document is not a mapping; expected a Kubernetes object with apiVersion, kind and metadata</source>
        <translation>文档不是映射；应为包含 apiVersion、kind 和 metadata 的 Kubernetes 对象</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not an object</source>
        <translation>%1 不是对象</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the document is %1 bytes, more than the limit of %2 bytes (kMaxDocumentBytes, the API server&apos;s largest request)</source>
        <translation>文档大小为 %1 字节，超过 %2 字节的限制（kMaxDocumentBytes，API 服务器可接受的最大请求）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>split the object; the cluster would refuse it as well</source>
        <translation>请拆分该对象；集群同样会拒绝它</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>invalid UTF-8: byte 0x%1 does not belong here</source>
        <translation>无效的 UTF-8：字节 0x%1 不应出现在此处</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>save the file as UTF-8</source>
        <translation>请将文件保存为 UTF-8 编码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the file is %1 bytes, more than the limit of %2 bytes (kMaxManifestFileBytes)</source>
        <translation>文件大小为 %1 字节，超过 %2 字节的限制（kMaxManifestFileBytes）</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+57"/>
        <source>split the file into several</source>
        <translation>请将文件拆分为多个</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>the file has more than %1 documents (limit kMaxDocuments); this one and those after it are not loaded</source>
        <translation>文件包含超过 %1 个文档（限制 kMaxDocuments）；此文档及其后的文档不会被加载</translation>
    </message>
    <message>
        <location filename="../core/burst/workspace.cpp" line="+27"/>
        <location filename="../core/kube/manifestloader.cpp" line="+62"/>
        <source>cannot read file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>%1/%2: %3: %4</source>
        <translation>%1/%2：%3：%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../core/kube/quantity.cpp" line="+91"/>
        <source>Write a number with an optional suffix such as 250m, 1.5, 512Mi, 2Gi or 1e3.</source>
        <translation>请填写数字，可带后缀，例如 250m、1.5、512Mi、2Gi 或 1e3。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a quantity: %2</source>
        <translation>&quot;%1&quot; 不是有效的数量值：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unexpected character &apos;%1&apos; at position %2</source>
        <translation>位置 %2 处存在意外字符 &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>unknown suffix &quot;%1&quot; at position %2</source>
        <translation>位置 %2 处的后缀 &quot;%1&quot; 未知</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the exponent at position %1 has no digits</source>
        <translation>位置 %1 处的指数缺少数字</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the text is empty</source>
        <translation>文本为空</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>expected a digit at position %1 but found &apos;%2&apos;</source>
        <translation>位置 %1 处应为数字，但实际为 &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a digit at position %1</source>
        <translation>位置 %1 处应为数字</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is out of range for a quantity</source>
        <translation>&quot;%1&quot; 超出数量值的取值范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the number and its suffix for a typo; a quantity can be at most 9223372036854775807 (just under 8Ei) either way.</source>
        <translation>请检查数字及其后缀是否有误；数量值的绝对值最大为 9223372036854775807（略小于 8Ei）。</translation>
    </message>
    <message>
        <location filename="../core/kube/workload.cpp" line="+93"/>
        <source>labels must be a map of strings, found %1</source>
        <translation>labels 必须是字符串映射，实际为 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>label &quot;%1&quot; is %2 (%3), not a string; kubectl rejects the object</source>
        <translation>标签 &quot;%1&quot; 的值是%2（%3），不是字符串；kubectl 会拒绝该对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote the value: YAML 1.1 reads unquoted off, on, yes, no, y, n, true, false and numbers as non-strings. Write &apos;%1: &quot;off&quot;&apos;.</source>
        <translation>请为该值加引号：YAML 1.1 会将未加引号的 off、on、yes、no、y、n、true、false 以及数字解析为非字符串。请写作 &apos;%1: &quot;off&quot;&apos;。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 has no pod template at %2</source>
        <translation>%1 在 %2 处没有 Pod 模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add %1 with metadata.labels and spec.containers.</source>
        <translation>请添加包含 metadata.labels 和 spec.containers 的 %1。</translation>
    </message>
    <message>
        <location filename="../core/kube/yamlsource.cpp" line="+428"/>
        <source>line %1: this YAML cannot be edited in place</source>
        <translation>第 %1 行：此 YAML 无法原地编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this change in the text editor.</source>
        <translation>请在文本编辑器中进行此修改。</translation>
    </message>
    <message>
        <location filename="../core/kube/yamledit.cpp" line="+37"/>
        <source>cannot reach %1: %2</source>
        <translation>无法定位到 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the field path against the document.</source>
        <translation>请对照文档检查字段路径。</translation>
    </message>
    <message>
        <location line="+358"/>
        <source>it is below a scalar value</source>
        <translation>其上级是一个标量值</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the field path is empty</source>
        <translation>字段路径为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name the field to edit.</source>
        <translation>请指定要编辑的字段。</translation>
    </message>
    <message>
        <location filename="../core/kube/yamlsource.cpp" line="+24"/>
        <source>the file has no document %1</source>
        <translation>文件中没有第 %1 个文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload the file; it may have changed.</source>
        <translation>请重新加载该文件；文件可能已被更改。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the YAML syntax before editing with the form.</source>
        <translation>请先修正 YAML 语法错误，再使用表单编辑。</translation>
    </message>
    <message>
        <location filename="../core/kube/yamledit.cpp" line="-104"/>
        <source>the list does not exist, so only [0] can be created</source>
        <translation>列表不存在，因此只能创建 [0]</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>a map has no list items</source>
        <translation>映射没有列表项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the list has %1 items</source>
        <translation>该列表共有 %1 项</translation>
    </message>
    <message>
        <location filename="../core/kube/selectorparser.cpp" line="-55"/>
        <source>!, an identifier or the end of the selector</source>
        <translation>!、标识符或选择器末尾</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;,&apos; or the end of the selector</source>
        <translation>&apos;,&apos; 或选择器末尾</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an identifier after &apos;,&apos;</source>
        <translation>&apos;,&apos; 之后的标识符</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the end of the selector</source>
        <translation>选择器末尾</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found %1, expected %2.</source>
        <translation>实际为 %1，应为 %2。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+106"/>
        <source>an identifier</source>
        <translation>标识符</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>one of in, notin, =, ==, !=</source>
        <translation>in、notin、=、==、!= 之一</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;(&apos;</source>
        <translation>&apos;(&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;,&apos;, &apos;)&apos; or an identifier</source>
        <translation>&apos;,&apos;、&apos;)&apos; 或标识符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;)&apos;</source>
        <translation>&apos;)&apos;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;,&apos; or &apos;)&apos;</source>
        <translation>&apos;,&apos; 或 &apos;)&apos;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;,&apos; or an identifier</source>
        <translation>&apos;,&apos; 或标识符</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The numeric comparison on &quot;%1&quot; (&apos;&gt;&apos; or &apos;&lt;&apos;) is not supported here; use in, notin, =, == or !=.</source>
        <translation>此处不支持对 &quot;%1&quot; 进行数值比较（&apos;&gt;&apos; 或 &apos;&lt;&apos;）；请使用 in、notin、=、== 或 !=。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid value &quot;%1&quot; for label &quot;%2&quot;: %3.</source>
        <translation>标签 &quot;%2&quot; 的值 &quot;%1&quot; 无效：%3。</translation>
    </message>
    <message>
        <location filename="../core/kube/fieldselector.cpp" line="+45"/>
        <source>invalid escape sequence &quot;\%1&quot;</source>
        <translation>无效的转义序列 &quot;\%1&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unescaped character &apos;%1&apos; in value &quot;%2&quot;</source>
        <translation>值 &quot;%2&quot; 中的字符 &apos;%1&apos; 未转义</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid escape sequence &quot;\&quot; at the end of &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 末尾的转义序列 &quot;\&quot; 无效</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invalid field selector &quot;%1&quot;: %2.</source>
        <translation>字段选择器 &quot;%1&quot; 无效：%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write terms such as status.phase=Running or spec.nodeName!=node-1, joined by &apos;,&apos;; escape &apos;,&apos;, &apos;=&apos; and &apos;\&apos; in values with &apos;\&apos;.</source>
        <translation>请编写 status.phase=Running 或 spec.nodeName!=node-1 这样的条件，以 &apos;,&apos; 连接；值中的 &apos;,&apos;、&apos;=&apos; 和 &apos;\&apos; 需用 &apos;\&apos; 转义。</translation>
    </message>
    <message>
        <location filename="../core/kube/selectorparser.cpp" line="+25"/>
        <source>Invalid label selector &quot;%1&quot;: %2</source>
        <translation>标签选择器 &quot;%1&quot; 无效：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write requirements such as app=web, tier!=cache, env in (dev,qa), release notin (canary), gpu or !gpu, joined by &apos;,&apos;.</source>
        <translation>请编写 app=web、tier!=cache、env in (dev,qa)、release notin (canary)、gpu 或 !gpu 这样的条件，以 &apos;,&apos; 连接。</translation>
    </message>
    <message>
        <location filename="../core/kube/fieldselector.cpp" line="+69"/>
        <source>cannot understand &quot;%1&quot;</source>
        <translation>无法解析 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../core/sandbox/transport/httpserver.cpp" line="+97"/>
        <source>The sandbox server is already running.</source>
        <translation>沙箱服务器已在运行。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The sandbox server cannot listen on %1:%2: %3</source>
        <translation>沙箱服务器无法监听 %1:%2：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose another port, or 0 to let the system pick a free one.</source>
        <translation>请选择其他端口，或使用 0 由系统选择空闲端口。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The sandbox server cannot start its thread: %1</source>
        <translation>沙箱服务器无法启动线程：%1</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/jsonpatch.cpp" line="+20"/>
        <source>Send a JSON document of the shape the Content-Type names.</source>
        <translation>请发送符合 Content-Type 所指定格式的 JSON 文档。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>JSON patch operation %1 (%2) failed: %3</source>
        <translation>JSON 补丁操作 %1（%2）失败：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no op</source>
        <translation>缺少 op</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operations are numbered from 0; the document was not changed.</source>
        <translation>操作从 0 开始编号；文档未作任何更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>path &quot;%1&quot; does not exist</source>
        <translation>路径 &quot;%1&quot; 不存在</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>&quot;%1&quot; must be a JSON pointer string</source>
        <translation>&quot;%1&quot; 必须是 JSON 指针字符串</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the &quot;value&quot; member is missing</source>
        <translation>缺少 &quot;value&quot; 成员</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the value at &quot;%1&quot; is not the expected value</source>
        <translation>&quot;%1&quot; 处的值与预期值不符</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&quot;%1&quot; cannot be moved into its own child &quot;%2&quot;</source>
        <translation>&quot;%1&quot; 不能移动到其自身的子路径 &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown op &quot;%1&quot;</source>
        <translation>未知的 op &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The patch is not valid JSON: %1 at offset %2.</source>
        <translation>补丁不是有效的 JSON：%1（偏移量 %2）。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A merge patch of an object must be a JSON object.</source>
        <translation>对象的合并补丁必须是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>JSON pointer &quot;%1&quot; must start with &apos;/&apos;</source>
        <translation>JSON 指针 &quot;%1&quot; 必须以 &apos;/&apos; 开头</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>JSON pointer &quot;%1&quot; has &apos;~&apos; not followed by 0 or 1</source>
        <translation>JSON 指针 &quot;%1&quot; 中的 &apos;~&apos; 后面不是 0 或 1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>an operation must be a JSON object</source>
        <translation>操作必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A JSON patch must be a JSON array of operations.</source>
        <translation>JSON 补丁必须是由操作组成的 JSON 数组。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The JSON patch replaced the object with a value that is not an object.</source>
        <translation>JSON 补丁将该对象替换成了非对象的值。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A strategic merge patch must be a JSON object.</source>
        <translation>策略性合并补丁必须是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/strategiclists.cpp" line="+15"/>
        <source>Check the $patch, $retainKeys, $setElementOrder and $deleteFromPrimitiveList directives and the merge keys of merged lists.</source>
        <translation>请检查 $patch、$retainKeys、$setElementOrder 和 $deleteFromPrimitiveList 指令，以及所合并列表的合并键。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A list item does not contain declared merge key &quot;%1&quot;.</source>
        <translation>列表项不包含已声明的合并键 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/strategicpatch.cpp" line="+28"/>
        <source>Lists of lists cannot be merged.</source>
        <translation>由列表组成的列表无法合并。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The items of a merged list differ in type.</source>
        <translation>所合并列表中各项的类型不一致。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Unknown patch type &quot;%1&quot; in a map; use replace or delete.</source>
        <translation>映射中的补丁类型 &quot;%1&quot; 未知；请使用 replace 或 delete。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>$retainKeys must be a list of field names.</source>
        <translation>$retainKeys 必须是字段名列表。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The patch sets &quot;%1&quot;, which its $retainKeys list does not name.</source>
        <translation>补丁设置了 &quot;%1&quot;，但其 $retainKeys 列表中未列出该字段。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The order in the patch list doesn&apos;t match the $setElementOrder list.</source>
        <translation>补丁列表中的顺序与 $setElementOrder 列表不一致。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 must be a list next to the list it orders.</source>
        <translation>%1 必须是列表，且与其所排序的列表位于同一层级。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 must be a list of values.</source>
        <translation>%1 必须是值列表。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Merging lists cannot yet be specified in the patch ($patch: merge in a list).</source>
        <translation>尚不支持在补丁中指定合并列表（列表中的 $patch: merge）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown patch type &quot;%1&quot; in a list item.</source>
        <translation>列表项中的补丁类型 &quot;%1&quot; 未知。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The list &quot;%1&quot; of objects has no merge key.</source>
        <translation>对象列表 &quot;%1&quot; 没有合并键。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Strategic merge patch is not supported for %1.</source>
        <translation>不支持对 %1 使用策略性合并补丁。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>objects without a kind</source>
        <translation>未指定 kind 的对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a JSON merge patch (application/merge-patch+json) or a JSON patch (application/json-patch+json).</source>
        <translation>请使用 JSON 合并补丁（application/merge-patch+json）或 JSON 补丁（application/json-patch+json）。</translation>
    </message>
    <message>
        <location filename="../core/sandbox/transport/tlscontext.cpp" line="+62"/>
        <source>The sandbox cannot serve HTTPS; start it without TLS or check the OpenSSL installation.</source>
        <translation>沙箱无法提供 HTTPS 服务；请在不启用 TLS 的情况下启动，或检查 OpenSSL 的安装。</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>&quot;%1&quot; is neither an IP address nor a DNS name.</source>
        <translation>&quot;%1&quot; 既不是 IP 地址，也不是 DNS 名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass host names such as sandbox.local or addresses such as 10.0.0.5.</source>
        <translation>请传入主机名（例如 sandbox.local）或地址（例如 10.0.0.5）。</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Could not create the sandbox CA: %1</source>
        <translation>无法创建沙箱 CA：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not create the sandbox server certificate: %1</source>
        <translation>无法创建沙箱服务器证书：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not set up the sandbox TLS server: %1</source>
        <translation>无法设置沙箱 TLS 服务器：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is no sandbox CA to issue a client certificate.</source>
        <translation>没有可用于签发客户端证书的沙箱 CA。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not create a sandbox client certificate: %1</source>
        <translation>无法创建沙箱客户端证书：%1</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/apistatus.cpp" line="+43"/>
        <source>%1 &quot;%2&quot; not found</source>
        <translation>未找到 %1 &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 &quot;%2&quot; already exists</source>
        <translation>%1 &quot;%2&quot; 已存在</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+10"/>
        <source>Operation cannot be fulfilled on %1 &quot;%2&quot;: %3</source>
        <translation>无法对 %1 &quot;%2&quot; 执行操作：%3</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 &quot;%2&quot; is invalid: %3</source>
        <translation>%1 &quot;%2&quot; 无效：%3</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/objectmeta.cpp" line="+39"/>
        <source>Invalid value: &quot;%1&quot;: %2</source>
        <translation>无效值：&quot;%1&quot;：%2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>metadata must be an object</source>
        <translation>metadata 必须是对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+55"/>
        <source>the namespace of the provided object does not match the namespace sent on the request</source>
        <translation>所提供对象的命名空间与请求中发送的命名空间不一致</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Required value: name or generateName is required</source>
        <translation>必填值：必须指定 name 或 generateName</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>resourceVersion should not be set on objects to be created</source>
        <translation>待创建的对象不应设置 resourceVersion</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the name of the object (%1) does not match the name on the URL (%2)</source>
        <translation>对象名称（%1）与 URL 中的名称（%2）不一致</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the UID in the precondition (%1) does not match the UID in record (%2). The object might have been deleted and then recreated</source>
        <translation>前置条件中的 UID（%1）与记录中的 UID（%2）不一致。该对象可能已被删除后重新创建</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the ResourceVersion in the precondition (%1) does not match the ResourceVersion in record (%2). The object might have been modified</source>
        <translation>前置条件中的 ResourceVersion（%1）与记录中的 ResourceVersion（%2）不一致。该对象可能已被修改</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/objectstore.cpp" line="+204"/>
        <source>Precondition failed: UID in precondition: %1, UID in object meta: %2</source>
        <translation>前置条件不满足：前置条件中的 UID：%1，对象元数据中的 UID：%2</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/objectmeta.cpp" line="+148"/>
        <source>continue key is not valid: the token was not issued by this server</source>
        <translation>continue 键无效：该令牌并非由此服务器签发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the list again without a continue token.</source>
        <translation>请不带 continue 令牌重新开始列举。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.</source>
        <translation>所提供的 continue 参数过旧，无法显示一致的列表结果。可以不带 continue 参数开始新的列举，或使用此响应中的 continue 令牌获取剩余结果。使用所提供的令牌继续列举将得到不一致的列表——从返回第一个分块到现在这段时间内创建、修改或删除的对象可能会出现在列表中。</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/objectstore.cpp" line="-7"/>
        <source>the object has been modified; please apply your changes to the latest version and try again</source>
        <translation>对象已被修改；请将更改应用到最新版本后重试</translation>
    </message>
    <message>
        <location filename="../core/sandbox/apiserver/apihttp.cpp" line="+80"/>
        <source>the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml</source>
        <translation>请求体的格式未知——可接受的媒体类型包括：application/json-patch+json、application/merge-patch+json、application/strategic-merge-patch+json、application/apply-patch+yaml</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Unsupported value: %1: supported values: &quot;All&quot;</source>
        <translation>不支持的值：%1：支持的值：&quot;All&quot;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>json: cannot unmarshal %1 into Go struct field DeleteOptions.%2 of type %3</source>
        <translation>json：无法将 %1 解析到 Go 结构体字段 DeleteOptions.%2（类型 %3）</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>strconv.ParseInt: parsing &quot;%1&quot;: invalid syntax</source>
        <translation>strconv.ParseInt：解析 &quot;%1&quot;：语法无效</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>strconv.ParseInt: parsing &quot;%1&quot;: value out of range</source>
        <translation>strconv.ParseInt：解析 &quot;%1&quot;：数值超出范围</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Invalid value: &quot;%1&quot;: orphanDependents and deletionPropagation cannot be both set</source>
        <translation>无效的值：&quot;%1&quot;：orphanDependents 与 deletionPropagation 不能同时设置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unsupported value: &quot;%1&quot;: supported values: &quot;Foreground&quot;, &quot;Background&quot;, &quot;Orphan&quot;, &quot;nil&quot;</source>
        <translation>不支持的值：&quot;%1&quot;：支持的值为 &quot;Foreground&quot;、&quot;Background&quot;、&quot;Orphan&quot;、&quot;nil&quot;</translation>
    </message>
    <message>
        <location filename="../core/sandbox/store/objectstore.cpp" line="+353"/>
        <source>invalid resource version: %1</source>
        <translation>无效的资源版本：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>too old resource version: %1 (%2)</source>
        <translation>资源版本过旧：%1（%2）</translation>
    </message>
    <message>
        <location filename="../core/cloud/akssigner.cpp" line="+73"/>
        <source>Invalid header name &quot;%1&quot;.</source>
        <translation>无效的请求头名称 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header &quot;%1&quot; is given more than once.</source>
        <translation>请求头 &quot;%1&quot; 被指定了多次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give each header once; join repeated values with &quot;,&quot;.</source>
        <translation>每个请求头只指定一次；多个取值请用 &quot;,&quot; 连接。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Invalid X-Sdk-Date &quot;%1&quot;.</source>
        <translation>无效的 X-Sdk-Date &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the UTC form yyyyMMddTHHmmssZ, e.g. 20060102T150405Z.</source>
        <translation>请使用 UTC 格式 yyyyMMddTHHmmssZ，例如 20060102T150405Z。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The host is signed but the request has none.</source>
        <translation>签名包含 host，但请求中没有 host。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give an absolute URL or a Host header.</source>
        <translation>请给出绝对 URL 或 Host 请求头。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed header &quot;%1&quot; is not in the request.</source>
        <translation>请求中没有要签名的请求头 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the header or remove it from the signed headers.</source>
        <translation>请添加该请求头，或将其从签名请求头中移除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No header to sign.</source>
        <translation>没有可签名的请求头。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid HTTP method &quot;%1&quot;.</source>
        <translation>无效的 HTTP 方法 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid URL &quot;%1&quot;: %2</source>
        <translation>无效的 URL &quot;%1&quot;：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The access key or the secret key is empty.</source>
        <translation>访问密钥或秘密访问密钥为空。</translation>
    </message>
    <message>
        <location filename="../core/cloud/cciregions.cpp" line="+46"/>
        <source>Region %1: &quot;%2&quot; is not an http(s) URL.</source>
        <translation>区域 %1：&quot;%2&quot; 不是 http(s) URL。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the endpoint as https://host[:port].</source>
        <translation>请将端点写作 https://host[:port]。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Region %1 has no valid id.</source>
        <translation>区域 %1 没有有效的 ID。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give each region an id such as &quot;cn-north-4&quot;.</source>
        <translation>请为每个区域指定 ID，例如 &quot;cn-north-4&quot;。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The region list is not a JSON array: %1</source>
        <translation>区域列表不是 JSON 数组：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>found a single value</source>
        <translation>实际为单个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset the region list to the defaults.</source>
        <translation>请将区域列表重置为默认值。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Region &quot;%1&quot; is listed twice.</source>
        <translation>区域 &quot;%1&quot; 被重复列出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep one entry per region id.</source>
        <translation>每个区域 ID 只保留一个条目。</translation>
    </message>
    <message>
        <location filename="../core/cloud/cloudaccount.cpp" line="+42"/>
        <source>&quot;%1&quot; is not a valid account id.</source>
        <translation>&quot;%1&quot; 不是有效的账号 ID。</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>No cloud account &quot;%1&quot; is saved.</source>
        <translation>未保存云账号 &quot;%1&quot;。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cloud account &quot;%1&quot; has an unknown authentication kind &quot;%2&quot;.</source>
        <translation>云账号 &quot;%1&quot; 的认证方式 &quot;%2&quot; 未知。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the account and choose password or AK/SK.</source>
        <translation>请编辑该账号，选择密码或 AK/SK 认证方式。</translation>
    </message>
    <message>
        <location filename="../core/cloud/credentialstore.cpp" line="+16"/>
        <source>No secret is stored under &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; 下未存储任何机密信息。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the credential again.</source>
        <translation>请重新输入凭据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Access to the secret &quot;%1&quot; was denied: %2</source>
        <translation>访问机密信息 &quot;%1&quot; 被拒绝：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock the keychain and allow Burst Console to use it.</source>
        <translation>请解锁密钥环，并允许弹性突发控制台使用它。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keychain failed on the secret &quot;%1&quot;: %2</source>
        <translation>密钥环处理机密信息 &quot;%1&quot; 时出错：%2</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>No system keychain is available (%1). Secrets are kept in memory and are forgotten when Burst Console exits.</source>
        <translation>没有可用的系统密钥环（%1）。机密信息仅保存在内存中，弹性突发控制台退出后即被清除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start a Secret Service provider such as GNOME Keyring or KWallet and log in again to keep credentials between sessions.</source>
        <translation>请启动 GNOME Keyring 或 KWallet 等 Secret Service 提供程序并重新登录，以便在会话之间保留凭据。</translation>
    </message>
    <message>
        <location filename="../core/cloud/iamtokenprovider.cpp" line="+96"/>
        <source>The TLS connection to IAM at %1 failed: %2</source>
        <translation>与 %1 处的 IAM 建立 TLS 连接失败：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the IAM endpoint, the system clock and, for a private endpoint, the CA certificate.</source>
        <translation>请检查 IAM 端点和系统时钟；如使用私有端点，还请检查 CA 证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IAM at %1 did not answer in time.</source>
        <translation>%1 处的 IAM 未及时响应。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the network connection and any proxy, then try again.</source>
        <translation>请检查网络连接和代理设置，然后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach IAM at %1: %2</source>
        <translation>无法连接 %1 处的 IAM：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the IAM endpoint of the region, the network connection and any proxy.</source>
        <translation>请检查该区域的 IAM 端点、网络连接和代理设置。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>IAM refused the credentials: %1</source>
        <translation>IAM 拒绝了该凭据：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the user name, the password and the account (domain) name.</source>
        <translation>请检查用户名、密码和账号名（domain）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the access key, the secret key and the system clock.</source>
        <translation>请检查访问密钥、秘密访问密钥和系统时钟。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>IAM answered HTTP %1: %2</source>
        <translation>IAM 返回 HTTP %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the project (region) name and the IAM endpoint.</source>
        <translation>请检查项目（区域）名称和 IAM 端点。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IAM answered without a token or its expiry time.</source>
        <translation>IAM 的响应中缺少令牌或其过期时间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the endpoint is Huawei Cloud IAM (https://iam.&lt;region&gt;.myhuaweicloud.com).</source>
        <translation>请确认该端点是华为云 IAM（https://iam.&lt;region&gt;.myhuaweicloud.com）。</translation>
    </message>
    <message>
        <location filename="../core/kube/apiclient.cpp" line="+31"/>
        <source>refused to send %1 %2: its namespace or name is empty</source>
        <translation>拒绝发送 %1 %2：其命名空间或名称为空</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>refused to address %1 without a namespace</source>
        <translation>拒绝在没有命名空间的情况下访问 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refused to address one of %1 without a name</source>
        <translation>拒绝在没有名称的情况下访问 %1 中的对象</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>cannot sign the request: %1</source>
        <translation>无法为请求签名：%1</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>the server&apos;s answer to %1 %2 is larger than %3 MiB (the client&apos;s limit); list in pages or narrow the request</source>
        <translation>服务器对 %1 %2 的应答超过 %3 MiB（客户端的限制）；请分页列出或缩小请求范围</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../core/kube/apistream.cpp" line="+43"/>
        <source>the request timed out (%1 %2)</source>
        <translation>请求超时（%1 %2）</translation>
    </message>
    <message>
        <location filename="../core/kube/apistatuserror.cpp" line="+74"/>
        <source>the server answered HTTP %1</source>
        <translation>服务器返回 HTTP %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name the object and its namespace.</source>
        <translation>请指定对象及其命名空间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach the API server: %1</source>
        <translation>无法连接 API 服务器：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the server address, the network and the TLS settings of the kubeconfig context.</source>
        <translation>请检查服务器地址、网络，以及 kubeconfig 上下文中的 TLS 设置。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The credentials were refused; log in again or refresh the token.</source>
        <translation>凭据被拒绝；请重新登录或刷新令牌。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user lacks the permission; ask the cluster administrator.</source>
        <translation>该用户缺少相应权限；请联系集群管理员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The object changed on the server; reload it and apply the change again.</source>
        <translation>该对象已在服务器上被修改；请重新加载后再次应用更改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error from server (%1): %2</source>
        <translation>来自服务器的错误（%1）：%2</translation>
    </message>
    <message>
        <location filename="../core/kube/execclient.cpp" line="+158"/>
        <source>The API server offers no supported exec protocol (it chose &quot;%1&quot;).</source>
        <translation>API 服务器未提供受支持的 exec 协议（其选择的是 &quot;%1&quot;）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cluster needs Kubernetes 1.29 or newer for exec over WebSocket.</source>
        <translation>通过 WebSocket 执行 exec 需要集群为 Kubernetes 1.29 或更高版本。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>the exec connection closed before the command ended (%1)</source>
        <translation>exec 连接在命令结束前已关闭（%1）</translation>
    </message>
    <message>
        <location filename="../core/kube/execcredential.cpp" line="+37"/>
        <source>decoding stdout: %1</source>
        <translation>解码 stdout 时出错：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The credential plugin must print one ExecCredential JSON object on standard output.</source>
        <translation>凭据插件必须在标准输出中打印一个 ExecCredential JSON 对象。</translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../core/kube/kubeconfig.cpp" line="+163"/>
        <source>interactiveMode must be specified for %1 to use exec authentication plugin</source>
        <translation>%1 要使用 exec 认证插件，必须指定 interactiveMode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add interactiveMode: Never (or IfAvailable) to the user&apos;s exec section.</source>
        <translation>请在该用户的 exec 部分添加 interactiveMode: Never（或 IfAvailable）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>exec plugin cannot support interactive mode: standard input is not a terminal</source>
        <translation>exec 插件无法支持交互模式：标准输入不是终端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The console cannot give the plugin a terminal. Set interactiveMode to IfAvailable or Never, or log in with the plugin in a terminal first if it caches its credentials.</source>
        <translation>控制台无法为插件提供终端。请将 interactiveMode 设置为 IfAvailable 或 Never；如果插件会缓存凭据，也可以先在终端中通过该插件登录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>invalid interactiveMode for %1: &quot;%2&quot;</source>
        <translation>%1 的 interactiveMode 无效：&quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interactiveMode is one of Never, IfAvailable or Always.</source>
        <translation>interactiveMode 的取值为 Never、IfAvailable 或 Always 之一。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../core/kube/kubeconfig.cpp" line="-12"/>
        <source>command must be specified for %1 to use exec authentication plugin</source>
        <translation>%1 要使用 exec 认证插件，必须指定 command</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/kube/kubeconfig.cpp" line="+3"/>
        <source>apiVersion must be specified for %1 to use exec authentication plugin</source>
        <translation>%1 要使用 exec 认证插件，必须指定 apiVersion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exec plugin: invalid apiVersion &quot;%1&quot;</source>
        <translation>exec 插件：apiVersion &quot;%1&quot; 无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supported apiVersions: %1, %2. Update the plugin or the kubeconfig entry.</source>
        <translation>支持的 apiVersion：%1、%2。请更新插件或 kubeconfig 条目。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/kube/kubeconfig.cpp" line="+4"/>
        <source>env variable name must be specified for %1 to use exec authentication plugin</source>
        <translation>%1 要使用 exec 认证插件，必须指定 env 变量名</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>status.%1 is not a string</source>
        <translation>status.%1 不是字符串</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>exec plugin didn&apos;t return a token or cert/key pair</source>
        <translation>exec 插件未返回令牌或证书/私钥对</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>exec plugin returned only certificate or key, not both</source>
        <translation>exec 插件只返回了证书或私钥之一，而不是两者都返回</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>invalid status.expirationTimestamp &quot;%1&quot;</source>
        <translation>status.expirationTimestamp &quot;%1&quot; 无效</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>couldn&apos;t get version/kind; the output is not a JSON object</source>
        <translation>无法获取 version/kind；输出不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>couldn&apos;t get version/kind</source>
        <translation>无法获取 version/kind</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exec plugin is configured to use API version %1, plugin returned version %2</source>
        <translation>exec 插件配置使用的 API 版本为 %1，但插件返回的版本为 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set the kubeconfig&apos;s exec apiVersion to the version the plugin prints, or update the plugin.</source>
        <translation>请将 kubeconfig 中 exec 的 apiVersion 设置为插件输出的版本，或更新插件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected kind &quot;%1&quot;, want ExecCredential</source>
        <translation>意外的 kind &quot;%1&quot;，应为 ExecCredential</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exec plugin didn&apos;t return a status field</source>
        <translation>exec 插件未返回 status 字段</translation>
    </message>
    <message>
        <location filename="../core/kube/execcredentialprovider.cpp" line="+163"/>
        <source>exec: executable %1 could not be started: %2</source>
        <translation>exec: 无法启动可执行文件 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the file is an executable program.</source>
        <translation>请检查该文件是否为可执行程序。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>exec: executable %1 did not finish within %2 seconds</source>
        <translation>exec: 可执行文件 %1 未在 %2 秒内结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The plugin may be waiting for input or for the network. Run the command in a terminal to see what it does.</source>
        <translation>插件可能正在等待输入或网络。请在终端中运行该命令，查看其具体行为。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>exec: executable %1 crashed</source>
        <translation>exec: 可执行文件 %1 崩溃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exec: executable %1 failed with exit code %2</source>
        <translation>exec: 可执行文件 %1 执行失败，退出码为 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run the command in a terminal to see its full output.</source>
        <translation>请在终端中运行该命令以查看完整输出。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>It looks like you are trying to use a client-go credential plugin that is not installed. Install %1 into a directory on your PATH or your login shell&apos;s PATH. See https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins</source>
        <translation>您似乎正在尝试使用未安装的 client-go 凭据插件。请将 %1 安装到 PATH 或登录 shell 的 PATH 中的某个目录。参见 https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>exec: executable %1 not found</source>
        <translation>exec: 未找到可执行文件 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The kubeconfig user &quot;%1&quot; gets its credentials by running a command you have not trusted yet: %2</source>
        <translation>kubeconfig 用户 &quot;%1&quot; 通过运行一个您尚未信任的命令获取凭据：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run this command only if you expect it in this kubeconfig; trust it once to let the console run it.</source>
        <translation>仅当您确认此 kubeconfig 中应包含该命令时才运行它；信任一次后，控制台即可运行该命令。</translation>
    </message>
    <message>
        <location filename="../core/kube/execstatus.cpp" line="+39"/>
        <source>The API server sent an unreadable exec status: %1</source>
        <translation>API 服务器发送的 exec 状态无法读取：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The remote command failed.</source>
        <translation>远程命令执行失败。</translation>
    </message>
    <message>
        <location filename="../core/kube/kubeconfig.cpp" line="-133"/>
        <source>No kubeconfig file defines any context; files read: %1.</source>
        <translation>没有任何 kubeconfig 文件定义了上下文；已读取的文件：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known contexts: %1.</source>
        <translation>已知的上下文：%1。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>context &quot;%1&quot; does not exist</source>
        <translation>上下文 &quot;%1&quot; 不存在</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cluster &quot;%1&quot; does not exist</source>
        <translation>集群 &quot;%1&quot; 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context &quot;%1&quot; names it; known clusters: %2.</source>
        <translation>上下文 &quot;%1&quot; 引用了它；已知的集群：%2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>auth info &quot;%1&quot; does not exist</source>
        <translation>auth info &quot;%1&quot; 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context &quot;%1&quot; names it; known users: %2.</source>
        <translation>上下文 &quot;%1&quot; 引用了它；已知的用户：%2。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>default cluster has no server defined</source>
        <translation>默认集群未定义 server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no server found for cluster &quot;%1&quot;</source>
        <translation>未找到集群 &quot;%1&quot; 的 server</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>invalid &apos;proxy-url&apos; &quot;%1&quot; for cluster &quot;%2&quot;: unsupported scheme &quot;%3&quot;, must be http, https, or socks5</source>
        <translation>集群 &quot;%2&quot; 的 &apos;proxy-url&apos; &quot;%1&quot; 无效：不支持的协议 &quot;%3&quot;，必须是 http、https 或 socks5</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unable to read certificate-authority %1 for %2 due to %3</source>
        <translation>无法读取 %2 的 certificate-authority %1，原因：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>specifying a root certificates file with the insecure flag is not allowed</source>
        <translation>不允许在使用 insecure 标志的同时指定根证书文件</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>invalid interactiveMode: %1</source>
        <translation>interactiveMode 无效：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>client-key-data or client-key must be specified for %1 to use the clientCert authentication method.</source>
        <translation>%1 要使用 clientCert 认证方式，必须指定 client-key-data 或 client-key。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unable to read client-cert %1 for %2 due to %3</source>
        <translation>无法读取 %2 的 client-cert %1，原因：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unable to read client-key %1 for %2 due to %3</source>
        <translation>无法读取 %2 的 client-key %1，原因：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>authProvider cannot be provided in combination with an exec plugin for %1</source>
        <translation>%1 不能同时配置 authProvider 和 exec 插件</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no configuration has been provided, try setting KUBERNETES_MASTER environment variable</source>
        <translation>未提供任何配置，请尝试设置 KUBERNETES_MASTER 环境变量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass --kubeconfig or --server, set KUBECONFIG, or use the sandbox cluster.</source>
        <translation>请传入 --kubeconfig 或 --server、设置 KUBECONFIG，或使用沙箱集群。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>auth-provider %1 is not supported; use an exec plugin</source>
        <translation>不支持 auth-provider %1；请使用 exec 插件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the auth-provider of user &quot;%1&quot; in %2 with an exec credential plugin (client.authentication.k8s.io).</source>
        <translation>请将 %2 中用户 &quot;%1&quot; 的 auth-provider 替换为 exec 凭据插件（client.authentication.k8s.io）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>context &quot;%1&quot; (%2)</source>
        <translation>上下文 &quot;%1&quot;（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the kubeconfig entries used by %1.</source>
        <translation>请修正 %1 所使用的 kubeconfig 条目。</translation>
    </message>
    <message>
        <location filename="../core/kube/kubeconfigdecoder.cpp" line="-219"/>
        <location filename="../core/kube/kubeconfigloader.cpp" line="+22"/>
        <source>error loading config file &quot;%1&quot;: %2</source>
        <translation>加载配置文件 &quot;%1&quot; 时出错：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the kubeconfig file at the position shown; kubectl rejects it too.</source>
        <translation>请在所示位置修正 kubeconfig 文件；kubectl 同样会拒绝该文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected %1, found %2</source>
        <translation>应为%1，实际为%2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>illegal base64 data</source>
        <translation>非法的 base64 数据</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+20"/>
        <source>duplicate name &quot;%1&quot; in list</source>
        <translation>列表中存在重复的名称 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../core/kube/kubeconfigloader.cpp" line="+1"/>
        <source>Fix the kubeconfig file or remove it from KUBECONFIG.</source>
        <translation>请修正该 kubeconfig 文件，或将其从 KUBECONFIG 中移除。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>stat %1: no such file or directory</source>
        <translation>stat %1: 没有那个文件或目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the --kubeconfig path.</source>
        <translation>请检查 --kubeconfig 路径。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>read %1: is a directory</source>
        <translation>read %1: 是一个目录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>open %1: %2</source>
        <translation>open %1: %2</translation>
    </message>
    <message>
        <location filename="../core/kube/kubeconfigview.cpp" line="+132"/>
        <source>cannot have values for both path and contents</source>
        <translation>不能同时为路径和内容指定值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove either %1 or its -data field from %2.</source>
        <translation>请从 %2 中删除 %1 或其对应的 -data 字段（二者只保留其一）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is named in %1.</source>
        <translation>该文件在 %1 中被引用。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose a context with --context or set current-context.</source>
        <translation>请使用 --context 选择上下文，或设置 current-context。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>current-context must exist in order to minify</source>
        <translation>必须存在 current-context 才能进行精简（minify）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot locate context %1</source>
        <translation>找不到上下文 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot locate cluster %1</source>
        <translation>找不到集群 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot locate user %1</source>
        <translation>找不到用户 %1</translation>
    </message>
    <message>
        <location filename="../core/kube/podlogclient.cpp" line="+128"/>
        <source>The log stream of pod &quot;%1&quot; broke: %2</source>
        <translation>Pod &quot;%1&quot; 的日志流中断：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume to continue from the last line received.</source>
        <translation>恢复后将从收到的最后一行继续。</translation>
    </message>
    <message>
        <location filename="../core/kube/restmapper.cpp" line="+96"/>
        <source>the server doesn&apos;t have a resource type &quot;%1&quot;</source>
        <translation>服务器没有资源类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &quot;kubectl api-resources&quot; to list the types the server serves.</source>
        <translation>请运行 &quot;kubectl api-resources&quot; 列出服务器提供的资源类型。</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/deploymentcontroller.cpp" line="+224"/>
        <source>Scaled up replica set %1 to %2 from %3</source>
        <translation>已将 ReplicaSet %1 从 %3 扩容至 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scaled down replica set %1 to %2 from %3</source>
        <translation>已将 ReplicaSet %1 从 %3 缩容至 %2</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Deployment has minimum availability.</source>
        <translation>Deployment 已达到最低可用性要求。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deployment does not have minimum availability.</source>
        <translation>Deployment 未达到最低可用性要求。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ReplicaSet &quot;%1&quot; is progressing.</source>
        <translation>ReplicaSet &quot;%1&quot; 正在进行中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created new replica set &quot;%1&quot;</source>
        <translation>已创建新的 ReplicaSet &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ReplicaSet &quot;%1&quot; has successfully progressed.</source>
        <translation>ReplicaSet &quot;%1&quot; 已成功完成。</translation>
    </message>
    <message>
        <location filename="../core/sandbox/node/execsession.cpp" line="+45"/>
        <location filename="../core/sandbox/node/podlogs.cpp" line="+250"/>
        <source>a container name must be specified for pod %1, choose one of: [%2]</source>
        <translation>必须为 Pod %1 指定容器名称，可选值：[%2]</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../core/sandbox/node/podlogs.cpp" line="+14"/>
        <source>container %1 is not valid for pod %2</source>
        <translation>容器 %1 对 Pod %2 无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pod %1 does not have a host assigned</source>
        <translation>Pod %1 尚未分配主机</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>container not found (&quot;%1&quot;)</source>
        <translation>未找到容器（&quot;%1&quot;）</translation>
    </message>
    <message>
        <location line="+69"/>
        <location filename="../core/sandbox/node/podlogstreamer.cpp" line="+91"/>
        <location filename="../core/sandbox/node/podmetrics.cpp" line="+173"/>
        <source>the server does not allow this method on the requested resource</source>
        <translation>服务器不允许对所请求的资源使用此方法</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>you must specify at least 1 command</source>
        <translation>必须至少指定 1 个命令</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Upgrade request required</source>
        <translation>需要 Upgrade 请求</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/cciadmission.cpp" line="+199"/>
        <location filename="../core/sandbox/cluster/fallbackbinder.cpp" line="+83"/>
        <location filename="../core/sandbox/cluster/scheduler.cpp" line="+422"/>
        <source>Successfully assigned %1/%2 to %3</source>
        <translation>已成功将 %1/%2 分配到 %3</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Started containers %1</source>
        <translation>已启动容器 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All containers completed</source>
        <translation>所有容器已运行完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pod failed: %1</source>
        <translation>Pod 运行失败：%1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Stopping the pod&apos;s containers</source>
        <translation>正在停止 Pod 的容器</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cci/iamservice.cpp" line="+162"/>
        <source>The method is not allowed for the requested URL.</source>
        <translation>所请求的 URL 不允许使用该方法。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The request body is not a valid auth request.</source>
        <translation>请求体不是有效的认证请求。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The identity method &quot;password&quot; is required.</source>
        <translation>必须使用身份认证方式 &quot;password&quot;。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expecting to find name in user.</source>
        <translation>user 中应包含 name。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expecting to find domain in user.</source>
        <translation>user 中应包含 domain。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The username or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Incorrect IAM authentication information: Authorization header malformed</source>
        <translation>IAM 认证信息不正确：Authorization 头格式错误</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Incorrect IAM authentication information: ak %1 not exist</source>
        <translation>IAM 认证信息不正确：ak %1 不存在</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Incorrect IAM authentication information: x-sdk-date is missing or invalid</source>
        <translation>IAM 认证信息不正确：x-sdk-date 缺失或无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incorrect IAM authentication information: x-sdk-date is more than 15 minutes off</source>
        <translation>IAM 认证信息不正确：x-sdk-date 偏差超过 15 分钟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Incorrect IAM authentication information: host is not signed</source>
        <translation>IAM 认证信息不正确：host 未签名</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Incorrect IAM authentication information: signed header %1 is missing</source>
        <translation>IAM 认证信息不正确：缺少已签名的请求头 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Incorrect IAM authentication information: verify aksk signature fail</source>
        <translation>IAM 认证信息不正确：aksk 签名校验失败</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/workloadcontroller.cpp" line="+42"/>
        <source>Error creating: %1</source>
        <translation>创建时出错：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created pod: %1</source>
        <translation>已创建 Pod：%1</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/jobcontroller.cpp" line="+87"/>
        <source>Job has reached the specified backoff limit</source>
        <translation>Job 已达到指定的回退重试上限（backoff limit）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reached expected number of succeeded pods</source>
        <translation>已达到预期的成功 Pod 数量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job completed</source>
        <translation>Job 已完成</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/kubeletsimulator.cpp" line="+147"/>
        <source>Pulling image &quot;%1&quot;</source>
        <translation>正在拉取镜像 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Successfully pulled image &quot;%1&quot; in %2s (%2s including waiting). Image size: %3 bytes.</source>
        <translation>已成功拉取镜像 &quot;%1&quot;，用时 %2s（含等待时间共 %2s）。镜像大小：%3 字节。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+30"/>
        <source>Created container %1</source>
        <translation>已创建容器 %1</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+30"/>
        <source>Started container %1</source>
        <translation>已启动容器 %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Back-off restarting failed container %1 in pod %2_%3(%4)</source>
        <translation>正在回退重启 Pod %2_%3(%4) 中失败的容器 %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>kubelet is posting ready status</source>
        <translation>kubelet 正在上报就绪状态</translation>
    </message>
    <message>
        <location filename="../core/sandbox/node/podlogs.cpp" line="-167"/>
        <source>tailLines, limitBytes and sinceSeconds must be non-negative integers</source>
        <translation>tailLines、limitBytes 和 sinceSeconds 必须是非负整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>limitBytes: Invalid value: 0: must be greater than 0</source>
        <translation>limitBytes：无效值：0：必须大于 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sinceSeconds: Invalid value: 0: must be greater than 0</source>
        <translation>sinceSeconds：无效值：0：必须大于 0</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sinceTime: invalid RFC3339 time &quot;%1&quot;</source>
        <translation>sinceTime：无效的 RFC3339 时间 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>a container name must be specified for pod %1</source>
        <translation>必须为 Pod %1 指定容器名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> or one of the init containers: [%1]</source>
        <translation> 或以下某个初始化容器：[%1]</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>previous terminated container &quot;%1&quot; in pod &quot;%2&quot; not found</source>
        <translation>未找到 Pod &quot;%2&quot; 中先前已终止的容器 &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>container &quot;%1&quot; in pod &quot;%2&quot; is waiting to start: %3</source>
        <translation>Pod &quot;%2&quot; 中的容器 &quot;%1&quot; 正在等待启动：%3</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/podstatus.cpp" line="+43"/>
        <source>containers with unready status: [%1]</source>
        <translation>处于未就绪状态的容器：[%1]</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/replicasetcontroller.cpp" line="+111"/>
        <source>Deleted pod: %1</source>
        <translation>已删除 Pod：%1</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/scenario.cpp" line="+138"/>
        <source>the sandbox does not serve %1 %2</source>
        <translation>沙箱不支持 %1 %2</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/scheduler.cpp" line="-46"/>
        <source>CCI refused the pod: %1</source>
        <translation>CCI 拒绝了该 Pod：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back-off %1s before retrying CCI admission; next retry at %2</source>
        <translation>重试 CCI 接纳前回退 %1s；下次重试时间：%2</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/statefulsetcontroller.cpp" line="+58"/>
        <source>create Pod %1 in StatefulSet %2 failed error: %3</source>
        <translation>在 StatefulSet %2 中创建 Pod %1 失败，错误：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>create Pod %1 in StatefulSet %2 successful</source>
        <translation>在 StatefulSet %2 中创建 Pod %1 成功</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>delete Pod %1 in StatefulSet %2 successful</source>
        <translation>在 StatefulSet %2 中删除 Pod %1 成功</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/vknodelock.cpp" line="+90"/>
        <source>CCI refused a pod (%1); no pods are sent to CCI until %2</source>
        <translation>CCI 拒绝了一个 Pod（%1）；在 %2 之前不会有 Pod 调度到 CCI</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the lock after a failed CCI admission ended</source>
        <translation>CCI 接纳失败后的锁定已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the lock was cleared through the API</source>
        <translation>锁定已通过 API 解除</translation>
    </message>
    <message>
        <location filename="../core/kube/networkrequest.cpp" line="+132"/>
        <source>the proxy-url &quot;%1&quot; cannot be used: only http:// and socks5:// proxies are supported, not a TLS connection to the proxy</source>
        <translation>无法使用 proxy-url &quot;%1&quot;：仅支持 http:// 和 socks5:// 代理，不支持与代理之间的 TLS 连接</translation>
    </message>
    <message>
        <location filename="../core/sandbox/apiserver/authorizer.cpp" line="+32"/>
        <source>at the cluster scope</source>
        <translation>在集群范围内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on %2 %3</source>
        <translation>%3对 %2 执行 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the request body is not a %1</source>
        <translation>请求体不是 %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>sandbox: %1 may do everything</source>
        <translation>sandbox: %1 可执行任何操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sandbox: allowed by the rule %1 of User &quot;%2&quot;</source>
        <translation>sandbox: 由用户 &quot;%2&quot; 的规则（%1）允许</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>User &quot;%1&quot; cannot %2 resource &quot;%3&quot; in API group &quot;%4&quot; at the cluster scope</source>
        <translation>用户 &quot;%1&quot; 无法在集群范围内对 API 组 &quot;%4&quot; 中的资源 &quot;%3&quot; 执行 %2 操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User &quot;%1&quot; cannot %2 resource &quot;%3&quot; in API group &quot;%4&quot; in the namespace &quot;%5&quot;</source>
        <translation>用户 &quot;%1&quot; 无法在命名空间 &quot;%5&quot; 中对 API 组 &quot;%4&quot; 中的资源 &quot;%3&quot; 执行 %2 操作</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is forbidden: %2</source>
        <translation>%1 被禁止：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 &quot;%2&quot; is forbidden: %3</source>
        <translation>%1 &quot;%2&quot; 被禁止：%3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>sandbox: discovery is open to every user</source>
        <translation>sandbox: 发现（discovery）接口对所有用户开放</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SelfSubjectAccessReview.authorization.k8s.io &quot;&quot; is invalid: spec.resourceAttributes: Invalid value: &quot;null&quot;: exactly one of nonResourceAttributes or resourceAttributes must be specified</source>
        <translation>SelfSubjectAccessReview.authorization.k8s.io &quot;&quot; 无效：spec.resourceAttributes：无效值：&quot;null&quot;：nonResourceAttributes 和 resourceAttributes 必须且只能指定其中一个</translation>
    </message>
    <message>
        <location filename="../core/sandbox/apiserver/reststrategy.cpp" line="+94"/>
        <source>Invalid value: %1: must be greater than or equal to 0</source>
        <translation>无效的值：%1：必须大于或等于 0</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning</source>
        <translation>删除 Job 时默认保留其子 Pod；设置 propagationPolicy=Background 可将其删除，设置 propagationPolicy=Orphan 可不再显示此警告</translation>
    </message>
    <message>
        <location filename="../core/kube/watchstream.cpp" line="+118"/>
        <source>a watch event longer than %1 MiB (the client&apos;s limit); the watch is started again</source>
        <translation>watch 事件超过 %1 MiB（客户端的限制）；将重新开始 watch</translation>
    </message>
    <message>
        <location filename="../core/kube/yamllimits.cpp" line="+163"/>
        <source>a string of %1 bytes is longer than the limit of %2 bytes (kMaxStringBytes, etcd&apos;s largest request)</source>
        <translation>长度为 %1 字节的字符串超过 %2 字节的限制（kMaxStringBytes，etcd 可接受的最大请求）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keep large data out of the manifest, in a volume or an image</source>
        <translation>请勿将大量数据放在清单中，可改用卷或镜像</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>anchor &apos;%1&apos; value contains itself</source>
        <translation>锚点 &apos;%1&apos; 的值包含其自身</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an alias (or a merge key &lt;&lt;) cannot refer to the mapping or list it is in; copy the fields instead</source>
        <translation>别名（或合并键 &lt;&lt;）不能引用其所在的映射或列表；请改为复制这些字段</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>the document nests more than %1 levels deep once its aliases are expanded (limit kMaxNestingDepth = %1)</source>
        <translation>文档在展开别名后嵌套超过 %1 层（限制 kMaxNestingDepth = %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flatten the structure or write out fewer nested aliases</source>
        <translation>请简化结构或减少嵌套的别名</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>document contains excessive aliasing: expanding this alias makes %1 of %2 decoded nodes come from aliases, more than the %3% go-yaml allows (kAliasRatioRangeLow = %4, kAliasRatioRangeHigh = %5)</source>
        <translation>文档包含过多别名：展开此别名后，%2 个已解码节点中有 %1 个来自别名，超过 go-yaml 允许的 %3%（kAliasRatioRangeLow = %4，kAliasRatioRangeHigh = %5）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>write the repeated parts out instead of nesting aliases of aliases</source>
        <translation>请直接写出重复的部分，而不要嵌套使用别名的别名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the document&apos;s text grows past %1 bytes once its aliases are expanded (limit kMaxDocumentBytes, the API server&apos;s largest request)</source>
        <translation>文档文本在展开别名后超过 %1 字节（限制 kMaxDocumentBytes，API 服务器可接受的最大请求）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>split the object or alias less text</source>
        <translation>请拆分该对象或减少通过别名引用的文本</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>found unexpected end of stream: the quoted string that starts here is never closed</source>
        <translation>遇到意外的流结束：从此处开始的带引号字符串从未闭合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add the closing %1</source>
        <translation>请添加闭合的 %1</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>the document nests more than %1 levels deep (limit kMaxNestingDepth = %1, yaml-cpp&apos;s parser)</source>
        <translation>文档嵌套超过 %1 层（限制 kMaxNestingDepth = %1，yaml-cpp 解析器的限制）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flatten the structure</source>
        <translation>请简化结构</translation>
    </message>
    <message>
        <location filename="../core/kube/metricsample.cpp" line="+15"/>
        <source>metrics.k8s.io answered a bad value at %1: %2</source>
        <translation>metrics.k8s.io 在 %1 返回了无效值：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>The metrics server may be a different version; kubectl top shows what it sends.</source>
        <translation>metrics-server 的版本可能不同；kubectl top 可显示它返回的内容。</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>not a quantity</source>
        <translation>不是数量值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>negative</source>
        <translation>为负数</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>metrics.k8s.io answered without a valid timestamp.</source>
        <translation>metrics.k8s.io 返回的数据没有有效的时间戳。</translation>
    </message>
    <message>
        <location filename="../core/burst/prometheussetup.cpp" line="+181"/>
        <location line="+5"/>
        <location filename="../core/burst/workloadtemplate.cpp" line="+383"/>
        <location filename="../core/cloud/obssecret.cpp" line="+54"/>
        <source>namespace &quot;%1&quot; is not a DNS-1123 label</source>
        <translation>命名空间 &quot;%1&quot; 不是 DNS-1123 标签</translation>
    </message>
    <message>
        <location line="-4"/>
        <location filename="../core/burst/workloadtemplate.cpp" line="+1"/>
        <source>Give --namespace: lower-case letters, digits and &apos;-&apos;.</source>
        <translation>请给出 --namespace：小写字母、数字和 &apos;-&apos;。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a Secret name: %2</source>
        <translation>&quot;%1&quot; 不是 Secret 名称：%2</translation>
    </message>
    <message>
        <location filename="../core/burst/scrapeannotations.cpp" line="+25"/>
        <source>prometheus.io/port &quot;%1&quot; is not a port number (1-65535)</source>
        <translation>prometheus.io/port &quot;%1&quot; 不是端口号（1-65535）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the container port that serves the metrics, as a decimal number.</source>
        <translation>请给出提供指标的容器端口，使用十进制数字。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>prometheus.io/path &quot;%1&quot; is not a URL path</source>
        <translation>prometheus.io/path &quot;%1&quot; 不是 URL 路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give a path that starts with &apos;/&apos; and has no query, fragment or spaces, such as /metrics.</source>
        <translation>请给出以 &apos;/&apos; 开头、不含查询、片段或空格的路径，例如 /metrics。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>prometheus.io/scrape is &quot;%1&quot;: only the exact string &quot;true&quot; makes Prometheus scrape the pod</source>
        <translation>prometheus.io/scrape 为 &quot;%1&quot;：只有恰好为字符串 &quot;true&quot; 时 Prometheus 才会采集该 Pod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write &quot;true&quot; or &quot;false&quot;, quoted.</source>
        <translation>请写 &quot;true&quot; 或 &quot;false&quot;，并加引号。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no container declares port %1</source>
        <translation>没有容器声明端口 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the port: Prometheus scrapes it whether or not a container listens there.</source>
        <translation>请检查端口：无论是否有容器在该端口监听，Prometheus 都会采集它。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no prometheus.io/port: Prometheus scrapes every port the containers declare, or port 80 when they declare none</source>
        <translation>没有 prometheus.io/port：Prometheus 采集容器声明的每个端口，未声明端口时采集 80 端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set prometheus.io/port to the metrics port.</source>
        <translation>请把 prometheus.io/port 设为指标端口。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>prometheus.io/port and /path have no effect unless prometheus.io/scrape is &quot;true&quot;</source>
        <translation>除非 prometheus.io/scrape 为 &quot;true&quot;，否则 prometheus.io/port 和 /path 不起作用</translation>
    </message>
    <message>
        <location filename="../core/burst/workloadtemplate.cpp" line="-310"/>
        <source>a path step must be a key or a list index</source>
        <translation>路径的每一步必须是键或列表下标</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a target needs a path</source>
        <translation>写入位置需要路径</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>target object &quot;%1&quot; is not KIND/NAME</source>
        <translation>写入位置的对象 &quot;%1&quot; 不是 KIND/NAME 形式</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>two objects of the body are %1</source>
        <translation>模板主体中有两个对象都是 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no object of the body is %1</source>
        <translation>模板主体中没有对象是 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no %2 to put a value in</source>
        <translation>%1 中没有可以写入值的 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A target&apos;s path must lead to an existing map or list.</source>
        <translation>写入位置的路径必须通向已存在的映射或列表。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no %2</source>
        <translation>%1 中没有 %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>a parameter name is not a string but %1</source>
        <translation>参数名称不是字符串，而是%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote it: YAML reads n, y, no, yes, on and off as booleans.</source>
        <translation>请加引号：YAML 会把 n、y、no、yes、on 和 off 读成布尔值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>parameter name &quot;%1&quot; is not letters and digits starting with a letter</source>
        <translation>参数名称 &quot;%1&quot; 不是以字母开头的字母和数字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>parameter %1 has unknown type &quot;%2&quot;</source>
        <translation>参数 %1 的类型 &quot;%2&quot; 未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use string, int, bool, quantity or secret.</source>
        <translation>请使用 string、int、bool、quantity 或 secret。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>secret parameter %1 has a default</source>
        <translation>机密参数 %1 有默认值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A secret never lives in a template file; remove the default.</source>
        <translation>机密从不放在模板文件中；请删除默认值。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>parameter %1: default: %2</source>
        <translation>参数 %1：默认值：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>parameter %1 has no targets</source>
        <translation>参数 %1 没有写入位置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>parameter %1: %2</source>
        <translation>参数 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>secret parameter %1 targets %2, which is not a v1 Secret&apos;s data or stringData</source>
        <translation>机密参数 %1 写入 %2，它不是 v1 Secret 的 data 或 stringData</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the secret into a Secret and refer to it (env valueFrom.secretKeyRef, a secret volume).</source>
        <translation>请把机密放入 Secret 并引用它（env valueFrom.secretKeyRef 或 secret 卷）。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>&quot;%1&quot; is not a field path such as spec.template.spec.containers[0].image</source>
        <translation>&quot;%1&quot; 不是 spec.template.spec.containers[0].image 这样的字段路径</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a key with dots as a list of steps instead.</source>
        <translation>含点号的键请改用步骤列表给出。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot; 不是 %2 之一</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not an integer</source>
        <translation>&quot;%1&quot; 不是整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is outside %2..%3</source>
        <translation>%1 超出 %2..%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>&quot;%1&quot; 不是 true 或 false</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the secret is empty</source>
        <translation>机密为空</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: the first document is not a WorkloadTemplate</source>
        <translation>%1：第一个文档不是 WorkloadTemplate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the file with the parameter schema (docs/templates.md).</source>
        <translation>请以参数模式开始文件（docs/templates.md）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: metadata.name &quot;%2&quot; is not a lower-case name</source>
        <translation>%1：metadata.name &quot;%2&quot; 不是小写名称</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the template has no objects</source>
        <translation>%1：模板没有对象</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: parameter %2 is declared twice</source>
        <translation>%1：参数 %2 声明了两次</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>template %1 has no parameter %2</source>
        <translation>模板 %1 没有参数 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List its parameters with --help-params.</source>
        <translation>用 --help-params 列出其参数。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>required parameter %1 has no value</source>
        <translation>必填参数 %1 没有值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set %1 in the environment, or give --secret-stdin %2.</source>
        <translation>请在环境变量中设置 %1，或给出 --secret-stdin %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give --set %1=VALUE.</source>
        <translation>请给出 --set %1=VALUE。</translation>
    </message>
    <message>
        <location filename="../core/cloud/obssecret.cpp" line="-15"/>
        <source>the access key id is empty or holds spaces or non-ASCII characters</source>
        <translation>访问密钥 ID 为空，或含有空格或非 ASCII 字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the AK from the credentials.csv of the IAM sub-user.</source>
        <translation>请从 IAM 子用户的 credentials.csv 中复制 AK。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the secret access key is empty or holds spaces or non-ASCII characters</source>
        <translation>秘密访问密钥为空，或含有空格或非 ASCII 字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the SK from the credentials.csv of the IAM sub-user.</source>
        <translation>请从 IAM 子用户的 credentials.csv 中复制 SK。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a Secret name</source>
        <translation>&quot;%1&quot; 不是 Secret 名称</translation>
    </message>
    <message>
        <location filename="../core/burst/podhelpers.cpp" line="+173"/>
        <source>container &quot;%1&quot; reads pod facts: %2</source>
        <translation>容器 &quot;%1&quot; 读取的 Pod 信息：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Values shown after &quot;&lt;-&quot; are known only when the pod runs.</source>
        <translation>&quot;&lt;-&quot; 后面显示的值只有在 Pod 运行时才能得知。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>container &quot;%1&quot; reads the region or zone annotation that CCI adds when it places the pod; on a CCE node it is absent and the variable empty</source>
        <translation>容器 &quot;%1&quot; 读取 CCI 在调度 Pod 时添加的 region 或 zone 注解；在 CCE 节点上没有该注解，变量为空</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Treat an empty REGION or ZONE as &quot;running on CCE&quot;, or use the enforce strategy.</source>
        <translation>把为空的 REGION 或 ZONE 视为&quot;运行在 CCE 上&quot;，或使用 enforce 策略。</translation>
    </message>
    <message>
        <location filename="../core/burst/rolloutrules.cpp" line="+46"/>
        <source>Add a readiness probe: ELB forwards traffic only to ready pods, so a new pod gets no requests before it can serve them (guide 3.1).</source>
        <translation>添加就绪探针：ELB 只把流量转发给就绪的 Pod，因此新 Pod 在能够提供服务之前不会收到请求（指南 3.1）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a preStop hook that sleeps (for example sleep 20): the old pod keeps serving while ELB takes it out of its members (guide 3.1).</source>
        <translation>添加一个执行 sleep 的 preStop 钩子（例如 sleep 20）：在 ELB 将旧 Pod 移出后端成员期间，旧 Pod 仍继续提供服务（指南 3.1）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Set spec.minReadySeconds to the container&apos;s start time plus the time ELB needs to bring a new member into service, and below the preStop sleep, so the new pod is ready before the old one exits (guide 3.1).</source>
        <translation>将 spec.minReadySeconds 设为容器的启动时间加上 ELB 下发新成员到生效所需的时间，并小于 preStop 的 sleep 时长，使新 Pod 在旧 Pod 退出之前已经就绪（指南 3.1）。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>container &quot;%1&quot; behind LoadBalancer &quot;%2&quot; has no readiness probe: a new pod may get requests before it serves them during a rolling update</source>
        <translation>位于 LoadBalancer &quot;%2&quot; 之后的容器 &quot;%1&quot; 没有就绪探针：滚动升级时新 Pod 可能在能够提供服务之前就收到请求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>container &quot;%1&quot; behind LoadBalancer &quot;%2&quot; has no preStop hook: an old pod stops while ELB still sends it requests</source>
        <translation>位于 LoadBalancer &quot;%2&quot; 之后的容器 &quot;%1&quot; 没有 preStop 钩子：旧 Pod 停止时 ELB 仍在向它发送请求</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>minReadySeconds is not set: a new pod counts as available as soon as it is ready, before ELB sends it traffic</source>
        <translation>未设置 minReadySeconds：新 Pod 一就绪就被视为可用，而此时 ELB 还没有向它转发流量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>minReadySeconds (%1 s) is not below the preStop sleep (%2 s): old pods can exit before new ones serve</source>
        <translation>minReadySeconds（%1 秒）不小于 preStop 的 sleep（%2 秒）：旧 Pod 可能在新 Pod 提供服务之前退出</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the preStop sleep (%1 s) is not below terminationGracePeriodSeconds (%2 s): the container is killed before it can shut down</source>
        <translation>preStop 的 sleep（%1 秒）不小于 terminationGracePeriodSeconds（%2 秒）：容器在能够正常关闭之前就被强制终止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Raise terminationGracePeriodSeconds above the preStop sleep plus the time the application needs to stop.</source>
        <translation>将 terminationGracePeriodSeconds 提高到 preStop 的 sleep 时长加上应用停止所需时间之上。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1/%2: container &quot;%3&quot; declares no port; add its readiness probe by hand</source>
        <translation>%1/%2：容器 &quot;%3&quot; 没有声明端口；请手动添加其就绪探针</translation>
    </message>
    <message>
        <location filename="../core/burst/shmrules.cpp" line="+144"/>
        <source>Size /dev/shm to %1, 50% of the pod&apos;s memory request (%2).</source>
        <translation>将 /dev/shm 设为 %1，即 Pod 内存申请量（%2）的 50%。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the pod a memory request and size /dev/shm to 50% of it.</source>
        <translation>为 Pod 设置内存申请量，并将 /dev/shm 设为其 50%。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>/dev/shm has no size limit: it can take all of the pod&apos;s memory</source>
        <translation>/dev/shm 没有容量上限：它可能占满 Pod 的全部内存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/dev/shm (%1) may use more than half of the pod&apos;s memory</source>
        <translation>/dev/shm（%1）可能占用超过 Pod 一半的内存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set it as the Memory emptyDir&apos;s sizeLimit.</source>
        <translation>将其设为 Memory 类型 emptyDir 的 sizeLimit。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>container &quot;%1&quot; remounts /dev/shm, which a Memory emptyDir already sizes in this pod</source>
        <translation>容器 &quot;%1&quot; 重新挂载 /dev/shm，而该 Pod 中已由 Memory 类型的 emptyDir 设置其容量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use one way only: keep the Memory emptyDir and drop the remount.</source>
        <translation>只使用一种方式：保留 Memory 类型的 emptyDir，去掉重新挂载。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>container &quot;%1&quot; remounts /dev/shm without SYS_ADMIN; the mount fails</source>
        <translation>容器 &quot;%1&quot; 在没有 SYS_ADMIN 权限的情况下重新挂载 /dev/shm；挂载会失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add SYS_ADMIN to the container&apos;s securityContext.capabilities.add, or size /dev/shm with a Memory emptyDir instead.</source>
        <translation>在容器的 securityContext.capabilities.add 中添加 SYS_ADMIN，或改用 Memory 类型的 emptyDir 设置 /dev/shm 容量。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/dev/shm (%1) is taken from the pod&apos;s %2 of memory, not added to it: the processes have %3 left once it is full</source>
        <translation>/dev/shm（%1）从 Pod 的 %2 内存中分配，不会额外增加：写满后进程还剩 %3</translation>
    </message>
    <message>
        <location filename="../core/burst/ccigpu.cpp" line="+98"/>
        <source>a GPU count is not a whole number of GPUs</source>
        <translation>GPU 数量不是整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for GPUs as a whole number, for example &quot;1&quot;.</source>
        <translation>请以整数申请 GPU，例如 &quot;1&quot;。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>the pod asks for %n GPU(s) but its namespace is general-computing</source>
        <translation>
            <numerusform>该 Pod 申请了 %n 块 GPU，但其命名空间是 general-computing（通用计算型）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run GPU pods in a namespace whose %1 is %2.</source>
        <translation>请在 %1 为 %2 的命名空间中运行 GPU Pod。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>the pod asks for %n GPU(s); CCI offers 1, 2, 4 or 8</source>
        <translation>
            <numerusform>该 Pod 申请了 %n 块 GPU；CCI 提供 1、2、4 或 8 块</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask for 1, 2, 4 or 8 GPUs in total.</source>
        <translation>请总共申请 1、2、4 或 8 块 GPU。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GPU pod without %1; CCI picks the driver version</source>
        <translation>GPU Pod 未设置 %1；将由 CCI 选择驱动版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set %1 to %2 (CUDA 10.1 and earlier, as in the guide) or %3 (CUDA 11.2).</source>
        <translation>请将 %1 设为 %2（CUDA 10.1 及更早版本，与指南一致）或 %3（CUDA 11.2）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GPU driver &quot;%1&quot; is not one CCI offers</source>
        <translation>GPU 驱动 &quot;%1&quot; 不是 CCI 提供的版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use %1 or %2.</source>
        <translation>请使用 %1 或 %2。</translation>
    </message>
    <message>
        <location filename="../core/burst/ccinamespace.cpp" line="+61"/>
        <source>Namespace &quot;%1&quot; has no %2 annotation; CCI needs the namespace&apos;s type when it is created</source>
        <translation>Namespace &quot;%1&quot; 没有 %2 注解；CCI 在创建命名空间时需要指定其类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Set %1 to one of: %2.</source>
        <translation>请将 %1 设为以下之一：%2。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>namespace flavour &quot;%1&quot; is not one CCI offers</source>
        <translation>命名空间类型 &quot;%1&quot; 不是 CCI 提供的类型</translation>
    </message>
    <message>
        <location filename="../core/burst/ccinetwork.cpp" line="+49"/>
        <source>a UUID (8-4-4-4-12 hexadecimal digits)</source>
        <translation>UUID（8-4-4-4-12 位十六进制数字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>32 hexadecimal digits</source>
        <translation>32 位十六进制数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the Network has no %1</source>
        <translation>该 Network 没有 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set it to the %1, %2.</source>
        <translation>请将其设为 %1，格式为 %2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 &quot;%2&quot; is not %3</source>
        <translation>%1 &quot;%2&quot; 不是 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the %1 from the Huawei Cloud console or API (replace any {{placeholder}}).</source>
        <translation>请从华为云控制台或 API 复制 %1（替换所有 {{占位符}}）。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&quot;%1&quot; is not an IPv4 CIDR such as 192.168.0.0/24</source>
        <translation>&quot;%1&quot; 不是 IPv4 CIDR（例如 192.168.0.0/24）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is inside %2, so its prefix length must be /%3 to /%4</source>
        <translation>%1 位于 %2 内，因此其前缀长度必须在 /%3 到 /%4 之间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has host bits set; write the network address</source>
        <translation>%1 的主机位已置位；请写成网络地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16</source>
        <translation>%1 不在 10.0.0.0/8、172.16.0.0/12 或 192.168.0.0/16 内</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>security group id</source>
        <translation>安全组 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>domain (account) id</source>
        <translation>账号（domain）ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>project id</source>
        <translation>项目 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VPC id</source>
        <translation>VPC ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>network id</source>
        <translation>网络 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subnet id</source>
        <translation>子网 ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the Network has no availableZone</source>
        <translation>该 Network 没有 availableZone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set spec.availableZone to the zone of the subnet, for example cn-north-4a.</source>
        <translation>请将 spec.availableZone 设为子网所在的可用区，例如 cn-north-4a。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the Network has no cidr</source>
        <translation>该 Network 没有 cidr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use the subnet&apos;s CIDR: inside 10.0.0.0/8 (/8-/24), 172.16.0.0/12 (/12-/24) or 192.168.0.0/16 (/16-/24).</source>
        <translation>请使用子网的 CIDR：位于 10.0.0.0/8（/8-/24）、172.16.0.0/12（/12-/24）或 192.168.0.0/16（/16-/24）内。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>networkType is &quot;%1&quot;; CCI networks are %2</source>
        <translation>networkType 为 &quot;%1&quot;；CCI 网络应为 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set spec.networkType to %1.</source>
        <translation>请将 spec.networkType 设为 %1。</translation>
    </message>
    <message>
        <location filename="../core/sandbox/cluster/ccivalidation.cpp" line="+22"/>
        <source>Invalid value: %1 [%2]</source>
        <translation>无效的值：%1 [%2]</translation>
    </message>
    <message>
        <location filename="../core/burst/addonadvisor.cpp" line="+98"/>
        <source>%1 %2 overlaps %3, CCI&apos;s Service range in the add-on&apos;s namespace: Services there stop working</source>
        <translation>%1 %2 与 %3（CCI 在插件命名空间中的 Service 网段）重叠：该命名空间中的 Service 将无法使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run the cluster in a VPC subnet outside %1 (the guide allows no overlap).</source>
        <translation>请让集群使用 %1 之外的 VPC 子网（指南不允许重叠）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 burst pods and %2 ConfigMaps in their namespaces: the guide recommends a %3 node (%4 vCPUs, %5 GiB) for the add-on</source>
        <translation>%1 个弹性 Pod，其所在命名空间中有 %2 个 ConfigMap：指南推荐插件使用 %3 规格的节点（%4 个 vCPU，%5 GiB）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Secrets, PVs and PVCs of the burst pods load the add-on too; size up when they are many.</source>
        <translation>弹性 Pod 的 Secret、PV 和 PVC 同样占用插件资源；数量较多时请选用更大的规格。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 burst pods and %2 ConfigMaps are more than the guide&apos;s largest row (%3 of each: %4)</source>
        <translation>%1 个弹性 Pod 和 %2 个 ConfigMap 超出了指南中最大的一档（各 %3 个：%4）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use at least %1 and watch the add-on&apos;s CPU and memory: the guide gives no size for more.</source>
        <translation>请至少使用 %1，并关注插件的 CPU 和内存使用：指南未给出更大规模的规格。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>node &quot;%1&quot; is not in the cluster</source>
        <translation>节点 &quot;%1&quot; 不在集群中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name a node of `kubectl get nodes`.</source>
        <translation>请指定 `kubectl get nodes` 列出的节点之一。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the add-on runs on a node of %1 CPU and %2 memory, less than the %3 the guide recommends</source>
        <translation>插件所在节点只有 %1 CPU 和 %2 内存，低于指南推荐的 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move the add-on to a node of at least %1.</source>
        <translation>请将插件迁移到至少 %1 规格的节点。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>pod CIDR</source>
        <translation>Pod 网段</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>node address</source>
        <translation>节点地址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>node &quot;%1&quot; is ARM: the add-on places no instance on it</source>
        <translation>节点 &quot;%1&quot; 是 ARM 节点：插件不会在其上部署实例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep x86 nodes in the cluster for the add-on.</source>
        <translation>请在集群中保留 x86 节点供插件使用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>every node of the cluster is ARM: the add-on does not support ARM clusters</source>
        <translation>集群的所有节点都是 ARM 节点：插件不支持 ARM 集群</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add x86 nodes, or burst from an x86 cluster.</source>
        <translation>请添加 x86 节点，或从 x86 集群弹性到 CCI。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no node of the cluster is schedulable: uninstalling the add-on runs a clean-up Job, which then cannot start, and the uninstall fails</source>
        <translation>集群中没有可调度的节点：卸载插件时会运行一个清理 Job，该 Job 将无法启动，卸载会失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep at least one schedulable node until the add-on is uninstalled.</source>
        <translation>在插件卸载完成之前，请至少保留一个可调度的节点。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>LoadBalancer Service &quot;%1&quot; names a health-check port: CCE and CCI pods register different ports with ELB, so some members fail the check</source>
        <translation>LoadBalancer Service &quot;%1&quot; 指定了健康检查端口：CCE 与 CCI 的 Pod 在 ELB 注册的端口不同，部分后端的健康检查会失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove monitor_port from the annotation; ELB then checks each member&apos;s own port.</source>
        <translation>请从注解中删除 monitor_port；ELB 将检查每个后端自己的端口。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>LoadBalancer Service &quot;%1&quot; has externalTrafficPolicy Local: Kubernetes gives it a health-check node port (spec.healthCheckNodePort) on the CCE nodes, a health-check port the pods on CCI do not answer</source>
        <translation>LoadBalancer Service &quot;%1&quot; 的 externalTrafficPolicy 为 Local：Kubernetes 会在 CCE 节点上为其分配健康检查节点端口（spec.healthCheckNodePort），而 CCI 上的 Pod 不会响应该健康检查端口</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use externalTrafficPolicy: Cluster for Services in front of burst pods.</source>
        <translation>请为弹性 Pod 前端的 Service 使用 externalTrafficPolicy: Cluster。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>LoadBalancer Service &quot;%1&quot; selects %2 &quot;%3&quot;, whose strategy is localPrefer (from %4); LoadBalancers work with auto and enforce only</source>
        <translation>LoadBalancer Service &quot;%1&quot; 选中了 %2 &quot;%3&quot;，其策略为 localPrefer（来自 %4）；LoadBalancer 仅支持 auto 和 enforce 策略</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set the workload&apos;s strategy to auto or enforce, or reach it through a ClusterIP Service.</source>
        <translation>请将该工作负载的策略设为 auto 或 enforce，或通过 ClusterIP Service 访问它。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>LoadBalancer Service &quot;%1&quot; is on a shared ELB: its CCI members are reached from %2</source>
        <translation>LoadBalancer Service &quot;%1&quot; 使用共享型 ELB：其 CCI 后端的访问来自 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allow %1 to the container ports in the nodes&apos; security group.</source>
        <translation>请在节点安全组中放通 %1 到容器端口的访问。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the cluster serves no log policies (%1), so none are checked</source>
        <translation>集群未提供日志策略（%1），因此未做检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pods that log policies collect from need %1 MB more memory for one policy and %2 MB for each further one.</source>
        <translation>被日志策略采集的 Pod 需为一个策略多预留 %1 MB 内存，每多一个策略再多预留 %2 MB。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 log policies can collect from its pods (namespace %2): reserve %3 MB of memory for log collection</source>
        <translation>有 %1 个日志策略可能采集其 Pod 的日志（命名空间 %2）：请为日志采集预留 %3 MB 内存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add the memory to the pods&apos; requests. Burst pods read a changed log policy only when redeployed, and collection needs the add-on&apos;s network interconnection.</source>
        <translation>请将该内存计入 Pod 的 requests。日志策略更新后，弹性 Pod 需重新部署才会生效；日志采集依赖插件的网络互通功能。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>pods on CCI keep running, and are billed, while the cluster sleeps</source>
        <translation>集群休眠时 CCI 上的 Pod 会继续运行并计费</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>before you uninstall the add-on or hibernate the cluster, scale %1 &quot;%2&quot; to 0: %3</source>
        <translation>卸载插件或休眠集群之前，请将 %1 &quot;%2&quot; 缩容至 0：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>before you uninstall the add-on or hibernate the cluster, let %1 &quot;%2&quot; finish or delete it: %3</source>
        <translation>卸载插件或休眠集群之前，请等待 %1 &quot;%2&quot; 运行结束或将其删除：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 once it is done</source>
        <translation>待其结束后执行 %1</translation>
    </message>
    <message>
        <location filename="../core/common/savefile.cpp" line="+13"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file on disk was not changed. Free some disk space or choose another location, then save again.</source>
        <translation>磁盘上的文件未被改动。请释放一些磁盘空间或选择其他位置，然后重新保存。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not everything could be written</source>
        <translation>未能写入全部内容</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <location filename="../models/liveworkloadmodel.cpp" line="+27"/>
        <source>%1 active</source>
        <translation>%1 个活跃</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>pod template label</source>
        <translation>Pod 模板标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>workload label</source>
        <translation>工作负载标签</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ScheduleProfile %1</source>
        <translation>ScheduleProfile %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../models/workloadsummarymodel.cpp" line="+53"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, via %2</source>
        <translation>%1，经由 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Effective strategy</source>
        <translation>生效的弹性策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strategy source</source>
        <translation>弹性策略来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ScheduleProfile</source>
        <translation>ScheduleProfile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods local</source>
        <translation>本地 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../models/namespacemodel.cpp" line="+16"/>
        <source>Pods on CCI</source>
        <translation>CCI 上的 Pod</translation>
    </message>
    <message>
        <location filename="../models/connectionlist.cpp" line="+51"/>
        <source>sandbox</source>
        <translation>沙箱</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CCE</source>
        <translation>CCE</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>access key</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>CCI account %1 (secrets in the credential store)</source>
        <translation>CCI 账号 %1（机密信息保存在凭据存储中）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defined in %1</source>
        <translation>定义于 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (current)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../models/objectdetails.cpp" line="+82"/>
        <location line="+68"/>
        <location filename="../models/workloadsummarymodel.cpp" line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cluster / server</source>
        <translation>集群 / 服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Safety</source>
        <translation>安全级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../models/workloadsummarymodel.cpp" line="+5"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../models/connectionlist.cpp" line="-4"/>
        <location filename="../models/liveworkloadmodel.cpp" line="-6"/>
        <location filename="../models/nodetablemodel.cpp" line="+109"/>
        <location filename="../models/objectdetails.cpp" line="-69"/>
        <location filename="../models/workloadsummarymodel.cpp" line="-46"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models/profiletablemodel.cpp" line="+41"/>
        <source>max %1</source>
        <translation>最多 %1 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scale-down priority %1</source>
        <translation>缩容优先级 %1</translation>
    </message>
    <message>
        <location filename="../models/eventtablemodel.cpp" line="+48"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../models/bursttriagemodel.cpp" line="+70"/>
        <location filename="../models/eventtablemodel.cpp" line="+32"/>
        <source>CCI refused the pod</source>
        <translation>CCI 拒绝了该 Pod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Virtual node locked</source>
        <translation>虚拟节点已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quota exhausted</source>
        <translation>配额已用尽</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image cannot be pulled</source>
        <translation>无法拉取镜像</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>CCI gave its own reason (Detail); no rule of the preview explains it. Check CCI&apos;s capacity in the zone and the namespace&apos;s network, then unlock the virtual node in the Nodes pane.</source>
        <translation>CCI 给出了自己的原因（见“详情”），预览的规则都不能解释它。请检查该可用区的 CCI 容量和命名空间的网络，然后在“节点”面板中解锁虚拟节点。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Raise the CCI quota of the project (or the namespace&apos;s ResourceQuota), or lower the burst workload&apos;s replicas or its requests.</source>
        <translation>提高项目的 CCI 配额（或命名空间的 ResourceQuota），或降低弹性负载的副本数或资源请求。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CCI pulls the image itself: check the image name, that the registry is reachable from CCI (SWR in the same region, or public), and the imagePullSecrets; an image-replacement annotation can point CCI to a mirror.</source>
        <translation>镜像由 CCI 自行拉取：请检查镜像名称、CCI 能否访问镜像仓库（同区域的 SWR 或公共仓库）以及 imagePullSecrets；镜像替换注解可让 CCI 改用镜像副本。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>CCI refused: %1</source>
        <translation>CCI 拒绝：%1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 (field %2)</source>
        <translation>%1（字段 %2）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../models/eventtablemodel.cpp" line="+2"/>
        <source>virtual node locked</source>
        <translation>虚拟节点已锁定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for the lock</source>
        <translation>等待锁定结束</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>CCI did not admit this pod (the message says why) and the virtual node is locked for 30 minutes. Fix the workload&apos;s resources to a size CCI accepts (the workbench preview checks them), then unlock the virtual node in the Nodes pane.</source>
        <translation>CCI 未接纳此 Pod（原因见消息），虚拟节点已被锁定 30 分钟。请将该工作负载的资源修改为 CCI 可接纳的规格（工作台预览会进行检查），然后在“节点”面板中解锁虚拟节点。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No pods are sent to CCI until the lock ends. Fix the workload CCI refused (its event says &quot;CCI refused the pod&quot;), then unlock the node in the Nodes pane, or wait for the lock to end.</source>
        <translation>锁定结束前不会有 Pod 调度到 CCI。请修复被 CCI 拒绝的工作负载（其事件显示“CCI 拒绝了该 Pod”），然后在“节点”面板中解锁该节点，或等待锁定结束。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This pod waits because the virtual node is locked. It is scheduled when the lock ends or the node is unlocked in the Nodes pane; fix the refused workload first, or it locks the node again.</source>
        <translation>此 Pod 正在等待，因为虚拟节点已锁定。锁定结束或在“节点”面板中解锁该节点后，它将被调度；请先修复被拒绝的工作负载，否则它会再次锁定该节点。</translation>
    </message>
    <message>
        <location filename="../models/bursttriagemodel.cpp" line="-256"/>
        <location filename="../models/eventtablemodel.cpp" line="+29"/>
        <source>Last seen</source>
        <translation>最后出现</translation>
    </message>
    <message>
        <location filename="../models/eventtablemodel.cpp" line="+0"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>pod %1/%2</source>
        <translation>Pod %1/%2</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>On the CCI endpoint %1: %2</source>
        <translation>来自 CCI 端点 %1：%2</translation>
    </message>
    <message>
        <location filename="../models/bursttriagemodel.cpp" line="-3"/>
        <location filename="../models/connectionlist.cpp" line="-2"/>
        <location filename="../models/eventtablemodel.cpp" line="-235"/>
        <location filename="../models/liveprofilemodel.cpp" line="+34"/>
        <location filename="../models/liveworkloadmodel.cpp" line="+0"/>
        <location filename="../models/objectdetails.cpp" line="+3"/>
        <location filename="../models/podtablemodel.cpp" line="+71"/>
        <location filename="../models/profiletablemodel.cpp" line="-34"/>
        <location filename="../models/usagetablemodel.cpp" line="+11"/>
        <location filename="../models/workloadsummarymodel.cpp" line="+0"/>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <location filename="../models/eventtablemodel.cpp" line="+1"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Burst</source>
        <translation>弹性</translation>
    </message>
    <message>
        <location filename="../models/liveprofilemodel.cpp" line="+0"/>
        <location filename="../models/liveworkloadmodel.cpp" line="+1"/>
        <location filename="../models/namespacemodel.cpp" line="-2"/>
        <location filename="../models/nodetablemodel.cpp" line="+0"/>
        <location filename="../models/objectdetails.cpp" line="-1"/>
        <location filename="../models/podtablemodel.cpp" line="+0"/>
        <location filename="../models/profiletablemodel.cpp" line="+0"/>
        <location filename="../models/workloadsummarymodel.cpp" line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../models/liveworkloadmodel.cpp" line="+0"/>
        <location filename="../models/nodetablemodel.cpp" line="+1"/>
        <location filename="../models/objectdetails.cpp" line="+32"/>
        <location line="+105"/>
        <location filename="../models/podtablemodel.cpp" line="+1"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../models/namespacemodel.cpp" line="+0"/>
        <location filename="../models/objectdetails.cpp" line="-106"/>
        <location line="+227"/>
        <location filename="../models/podtablemodel.cpp" line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CCI flavour</source>
        <translation>CCI 命名空间类型</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The namespace&apos;s %1 annotation: general-computing or gpu-accelerated. A GPU pod in a general-computing namespace is refused by CCI.</source>
        <translation>命名空间的 %1 注解：general-computing 或 gpu-accelerated。general-computing 命名空间中的 GPU Pod 会被 CCI 拒绝。</translation>
    </message>
    <message>
        <location filename="../models/bursttriagemodel.cpp" line="+1"/>
        <location filename="../models/namespacemodel.cpp" line="-114"/>
        <location filename="../models/nodetablemodel.cpp" line="+7"/>
        <location filename="../models/objectdetails.cpp" line="-170"/>
        <location line="+6"/>
        <location line="+54"/>
        <location filename="../models/usagetablemodel.cpp" line="+1"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location filename="../models/namespacemodel.cpp" line="+107"/>
        <source>%1 local, %2 on CCI, %3 not yet bound</source>
        <translation>本地 %1 个，CCI 上 %2 个，%3 个尚未绑定</translation>
    </message>
    <message>
        <location filename="../models/objectdetails.cpp" line="-146"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleting since</source>
        <translation>删除开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotations</source>
        <translation>注解</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource version</source>
        <translation>资源版本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ScheduleProfile (CCI)</source>
        <translation>ScheduleProfile（CCI）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CCI region</source>
        <translation>CCI 区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI zone</source>
        <translation>CCI 可用区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hostPath replacement</source>
        <translation>hostPath 替换</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image replacement</source>
        <translation>镜像地址替换</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../models/podtablemodel.cpp" line="+1"/>
        <source>Restarts</source>
        <translation>重启</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not scheduled)</source>
        <translation>（未调度）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs on</source>
        <translation>运行位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI (burst pod)</source>
        <translation>CCI（弹性 Pod）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>local node</source>
        <translation>本地节点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pod IPs</source>
        <translation>Pod IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host IP</source>
        <translation>主机 IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QoS class</source>
        <translation>QoS 类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <location line="+2"/>
        <source>Burst strategy</source>
        <translation>弹性策略</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>max surge %1</source>
        <translation>最大浪涌 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max unavailable %1</source>
        <translation>最大不可用 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>partition %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+17"/>
        <source>desired</source>
        <translation>期望</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>completions</source>
        <translation>完成数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parallelism</source>
        <translation>并行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule</source>
        <translation>定时计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last schedule</source>
        <translation>上次调度时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Update strategy</source>
        <translation>更新策略</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (workload label)</source>
        <translation>%1（工作负载标签）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (pod template label)</source>
        <translation>%1（Pod 模板标签）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Node kind</source>
        <translation>节点类型</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>Scheduling</source>
        <translation>调度</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>disabled by CCI (%1)</source>
        <translation>已被 CCI 禁用（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disabled (cordoned)</source>
        <translation>已禁止调度（cordoned）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>capacity %1, allocatable %2</source>
        <translation>容量 %1，可分配 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kubelet</source>
        <translation>Kubelet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone</source>
        <translation>可用区</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running since %1</source>
        <translation>自 %1 起运行中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting: %1</source>
        <translation>等待中：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terminated (exit code %1)</source>
        <translation>已终止（退出码 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminated: %1 (exit code %2)</source>
        <translation>已终止：%1（退出码 %2）</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The text holds no object.</source>
        <translation>文本中没有对象。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text holds %1 objects; an edit is one object.</source>
        <translation>文本中包含 %1 个对象；一次编辑只能针对一个对象。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Line %1, column %2: %3 cannot change in an edit (it was &quot;%4&quot;)</source>
        <translation>第 %1 行，第 %2 列：编辑时不能更改 %3（原值为“%4”）</translation>
    </message>
    <message>
        <location filename="../models/liveworkloadmodel.cpp" line="+6"/>
        <location filename="../models/namespacemodel.cpp" line="-105"/>
        <location filename="../models/nodetablemodel.cpp" line="+1"/>
        <location filename="../models/podtablemodel.cpp" line="+0"/>
        <source>Age</source>
        <translation>存在时间</translation>
    </message>
    <message>
        <location filename="../models/objectdetails.cpp" line="-330"/>
        <location filename="../models/podtablemodel.cpp" line="+1"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../models/podtablemodel.cpp" line="+0"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod burst label</source>
        <translation>Pod 弹性标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CCI pod</source>
        <translation>CCI Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI status</source>
        <translation>CCI 状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI ready</source>
        <translation>CCI 就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI restarts</source>
        <translation>CCI 重启次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI age</source>
        <translation>CCI 存在时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>%1 (%2 ago): %3</source>
        <translation>%1（%2 前）：%3</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The pod CCI runs for this burst pod, on the CCI endpoint %1</source>
        <translation>CCI 为此弹性 Pod 运行的 Pod，位于 CCI 端点 %1</translation>
    </message>
    <message>
        <location filename="../models/objectdetails.cpp" line="-18"/>
        <location filename="../models/podtablemodel.cpp" line="-230"/>
        <source>CCI CPU</source>
        <translation>CCI CPU</translation>
    </message>
    <message>
        <location filename="../models/podtablemodel.cpp" line="+140"/>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2 前）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unscheduled</source>
        <translation>未调度</translation>
    </message>
    <message>
        <location filename="../models/nodetablemodel.cpp" line="-51"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <location line="+43"/>
        <location filename="../models/objectdetails.cpp" line="+156"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU capacity</source>
        <translation>CPU 容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU allocatable</source>
        <translation>CPU 可分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU requested</source>
        <translation>CPU 已请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory capacity</source>
        <translation>内存容量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory allocatable</source>
        <translation>内存可分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory requested</source>
        <translation>内存已请求</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../models/objectdetails.cpp" line="-3"/>
        <source>Taints</source>
        <translation>污点</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>unschedulable: %1</source>
        <translation>不可调度：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>locked until %1 (%2 min left)</source>
        <translation>锁定至 %1（剩余 %2 分钟）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>lock taint left, no lock end</source>
        <translation>锁定污点仍在，无锁定结束时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unlocked</source>
        <translation>未锁定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>virtual-kubelet (CCI, %1)</source>
        <translation>virtual-kubelet（CCI，%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../models/objectdetails.cpp" line="-37"/>
        <location filename="../models/podtablemodel.cpp" line="+1"/>
        <source>local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/objectdetails.cpp" line="+0"/>
        <source>virtual-kubelet (CCI)</source>
        <translation>virtual-kubelet（CCI）</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>No pods are sent to CCI while the virtual node is locked (after CCI refused a pod). Fix the refused workload, then unlock the node.</source>
        <translation>虚拟节点锁定期间（CCI 拒绝某个 Pod 之后）不会有 Pod 调度到 CCI。请修复被拒绝的工作负载，然后解锁该节点。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Requests of the %1 non-terminated pods on the node</source>
        <translation>该节点上 %1 个未终止 Pod 的资源请求</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The node %1 is not known (yet) on %2.</source>
        <translation>%2 上（尚）不存在节点 %1。</translation>
    </message>
    <message>
        <location filename="../models/podtablemodel.cpp" line="+76"/>
        <source>Controlled by %1 %2</source>
        <translation>由 %1 %2 控制</translation>
    </message>
    <message>
        <location filename="../models/liveprofilemodel.cpp" line="-15"/>
        <location line="+115"/>
        <source>local %1</source>
        <translation>本地 %1</translation>
    </message>
    <message>
        <location line="-113"/>
        <location line="+115"/>
        <source>cci %1</source>
        <translation>CCI %1</translation>
    </message>
    <message>
        <location line="-101"/>
        <location filename="../models/profiletablemodel.cpp" line="+1"/>
        <source>Strategy</source>
        <translation>弹性策略</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../models/objectdetails.cpp" line="-21"/>
        <location filename="../models/profiletablemodel.cpp" line="+0"/>
        <source>Selector</source>
        <translation>选择器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local maxNum</source>
        <translation>本地 maxNum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CCI maxNum</source>
        <translation>CCI maxNum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale-down priority</source>
        <translation>缩容优先级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restrict</source>
        <translation>限制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captured workloads</source>
        <translation>关联的工作负载</translation>
    </message>
    <message>
        <location filename="../models/profiletablemodel.cpp" line="+1"/>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location filename="../models/connectionlist.cpp" line="-255"/>
        <location filename="../models/podtablemodel.cpp" line="-76"/>
        <location filename="../models/profiletablemodel.cpp" line="+0"/>
        <source>CCI</source>
        <translation>CCI</translation>
    </message>
    <message>
        <location filename="../models/profiletablemodel.cpp" line="+1"/>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <location filename="../models/workloadsummarymodel.cpp" line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strategy (source)</source>
        <translation>弹性策略（来源）</translation>
    </message>
    <message>
        <location filename="../models/podtablemodel.cpp" line="-152"/>
        <location filename="../models/workloadsummarymodel.cpp" line="+0"/>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../models/workloadsummarymodel.cpp" line="+1"/>
        <source>Admissible</source>
        <translation>CCI 可接纳</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CCI cpu</source>
        <translation>CCI CPU</translation>
    </message>
    <message>
        <location filename="../models/objectdetails.cpp" line="-94"/>
        <location filename="../models/podtablemodel.cpp" line="+2"/>
        <location filename="../models/workloadsummarymodel.cpp" line="+1"/>
        <source>CCI memory</source>
        <translation>CCI 内存</translation>
    </message>
    <message>
        <location filename="../models/profiletablemodel.cpp" line="+0"/>
        <location filename="../models/workloadsummarymodel.cpp" line="+0"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../models/workloadsummarymodel.cpp" line="+1"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../models/diagnosticsmodel.cpp" line="+36"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Fix: %1</source>
        <translation>修复建议：%1</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Severity</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../models/eventtablemodel.cpp" line="-1"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../models/workspacecontroller.cpp" line="+199"/>
        <source>Create ScheduleProfile %1</source>
        <translation>创建 ScheduleProfile %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Recover %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <location filename="../models/clustersession.cpp" line="+41"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>watching all namespaces</source>
        <translation>正在监视所有命名空间</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>watching %n namespace(s): %1</source>
        <translation>
            <numerusform>正在监视 %n 个命名空间：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forbidden: %1</source>
        <translation>禁止访问：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TLS off</source>
        <translation>TLS 已关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is reached over plain HTTP: requests, credentials and answers travel unencrypted.</source>
        <translation>%1 通过明文 HTTP 访问：请求、凭据和应答均未加密传输。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>certificate not verified</source>
        <translation>证书未校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kubeconfig sets insecure-skip-tls-verify for %1: the server&apos;s certificate is not checked, so anyone between you and the server can read and change the traffic, credentials included.</source>
        <translation>kubeconfig 为 %1 设置了 insecure-skip-tls-verify：不校验服务器证书，您与服务器之间的任何人都能读取和篡改通信内容，包括凭据。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: disconnected</source>
        <translation>%1：已断开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: connecting</source>
        <translation>%1：正在连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: syncing, %2 pods so far</source>
        <translation>%1：正在同步，已有 %2 个 Pod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: synced, %2 pods</source>
        <translation>%1：已同步，%2 个 Pod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: reconnecting since %2, showing data from then</source>
        <translation>%1：自 %2 起正在重连，显示的是当时的数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: unauthorized since %2</source>
        <translation>%1：自 %2 起未授权</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: forbidden since %2</source>
        <translation>%1：自 %2 起被禁止访问</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: unreachable since %2</source>
        <translation>%1：自 %2 起无法访问</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../models/connectiontest.cpp" line="+43"/>
        <source>%1 %2 (all namespaces)</source>
        <translation>%1 %2（所有命名空间）</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Server: unreachable (%1)</source>
        <translation>服务器：无法访问（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server: answers (version not given)</source>
        <translation>服务器：有响应（未提供版本）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication: refused (401 Unauthorized): the credential is wrong or expired</source>
        <translation>身份认证：被拒绝（401 Unauthorized）：凭据错误或已过期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication: OK</source>
        <translation>身份认证：成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication: OK, as %1</source>
        <translation>身份认证：成功，身份为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permissions: permission checks unavailable on this server</source>
        <translation>权限：此服务器不支持权限检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Permissions: refused: %1</source>
        <translation>权限：被拒绝：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permissions: refused: %1 (%2)</source>
        <translation>权限：被拒绝：%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permissions: list pods, nodes and events allowed</source>
        <translation>权限：允许列出 Pod、节点和事件</translation>
    </message>
    <message>
        <location filename="../models/contextsafety.cpp" line="+65"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../models/objectcontroller.cpp" line="+221"/>
        <source>The edit changes nothing: there is nothing to apply.</source>
        <translation>编辑未做任何更改：没有需要应用的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No edit is open.</source>
        <translation>当前没有正在进行的编辑。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 (and the server&apos;s current copy could not be read: %2)</source>
        <translation>%1（且无法读取服务器上的当前副本：%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it no longer exists</source>
        <translation>该对象已不存在</translation>
    </message>
    <message>
        <location filename="../models/logviewmodel.cpp" line="+73"/>
        <source>%1 older lines were dropped (the limit is %2 lines)</source>
        <translation>已丢弃 %1 行较早的日志（上限为 %2 行）</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Could not write the log: %1</source>
        <translation>无法写入日志：%1</translation>
    </message>
    <message>
        <location filename="../models/logviewsources.cpp" line="+120"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>the start</source>
        <translation>开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lines could not be recovered after the stream broke (after %1)</source>
        <translation>日志流中断后无法恢复部分日志行（%1 之后）</translation>
    </message>
    <message>
        <location filename="../models/metricssampler.cpp" line="+145"/>
        <source>This cluster serves no metrics.k8s.io: install metrics-server to see CPU and memory.</source>
        <translation>此集群未提供 metrics.k8s.io：安装 metrics-server 后才能查看 CPU 和内存。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No metrics yet: the pod is not running, or metrics-server has not measured it.</source>
        <translation>暂无指标：Pod 未在运行，或 metrics-server 尚未采集到它。</translation>
    </message>
    <message>
        <location filename="../models/terminalsession.cpp" line="+52"/>
        <source>%1/%2 (%3)</source>
        <translation>%1/%2（%3）</translation>
    </message>
    <message>
        <location filename="../models/usagetablemodel.cpp" line="-2"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../models/bursttriagemodel.cpp" line="-2"/>
        <location filename="../models/usagetablemodel.cpp" line="+2"/>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <location filename="../models/usagetablemodel.cpp" line="+1"/>
        <source>vCPU-hours</source>
        <translation>vCPU·小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GiB-hours</source>
        <translation>GiB·小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <location filename="../ui/detailspane.cpp" line="+44"/>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2 前）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CCI sidecar (injected)</source>
        <translation>CCI sidecar（注入）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Init container</source>
        <translation>初始化容器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ephemeral container</source>
        <translation>临时容器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../ui/exectrust.cpp" line="+33"/>
        <source>To connect to &quot;%1&quot;, the kubeconfig user &quot;%2&quot; (defined in %3) runs this command:

%4

Run it only if you expect it. Trust and run it?</source>
        <translation>连接到“%1”时，kubeconfig 用户“%2”（定义于 %3）会运行以下命令：

%4

请仅在确认需要运行此命令时运行。是否信任并运行？</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Run a credential plugin?</source>
        <translation>是否运行凭据插件？</translation>
    </message>
    <message>
        <location filename="../ui/writeguard.cpp" line="+32"/>
        <source>(cluster-scoped)</source>
        <translation>（集群范围）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>  … and %1 more</source>
        <translation>  … 另有 %1 个</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The context %1 is marked read-only: nothing was sent. Change its safety in Cluster ▸ Connections to write to it.</source>
        <translation>上下文 %1 已标记为只读：未发送任何内容。如需写入，请在“集群 ▸ 连接”中更改其安全级别。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Read-only context</source>
        <translation>只读上下文</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 on %2</source>
        <translation>在 %2 上%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm write</source>
        <translation>确认写入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 in cluster (context) %2, namespace %3:
%4</source>
        <translation>在集群（上下文）%2、命名空间 %3 中%1：
%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What will be written</source>
        <translation>将要写入的内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What will be sent</source>
        <translation>将要发送的内容</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is marked as production. Type its name to go on.</source>
        <translation>%1 已标记为生产环境。请输入其名称以继续。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Context name to confirm</source>
        <translation>用于确认的上下文名称</translation>
    </message>
    <message>
        <location filename="../ui/tlsbadge.cpp" line="+18"/>
        <source>TLS warning for %1</source>
        <translation>%1 的 TLS 警告</translation>
    </message>
    <message>
        <location filename="../ui/clearbutton.cpp" line="+15"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ui::ClusterDock</name>
    <message>
        <location filename="../ui/clusterdock.cpp" line="+22"/>
        <location line="+74"/>
        <source>Cluster: %1</source>
        <translation>集群：%1</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Cluster %1</source>
        <translation>集群 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live panes</source>
        <translation>实时面板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Namespaces</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ScheduleProfiles</source>
        <translation>ScheduleProfile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burst pods</source>
        <translation>弹性 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burst failures</source>
        <translation>弹性失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Live panes and details</source>
        <translation>实时面板和详情</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cluster: %1 [%2]</source>
        <translation>集群：%1 [%2]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — PRODUCTION</source>
        <translation>%1 — 生产环境</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — read-only</source>
        <translation>%1 — 只读</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionDialog</name>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="+41"/>
        <source>Add CCI account</source>
        <translation>添加 CCI 账号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the region&apos;s default project</source>
        <translation>该区域的默认项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access key (AK/SK)</source>
        <translation>访问密钥（AK/SK）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IAM user and password</source>
        <translation>IAM 用户名和密码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication:</source>
        <translation>认证方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access key:</source>
        <translation>访问密钥（AK）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret key:</source>
        <translation>秘密访问密钥（SK）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IAM user:</source>
        <translation>IAM 用户：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account (domain):</source>
        <translation>账号（domain）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrets are kept in the system keychain only.</source>
        <translation>机密信息仅保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+272"/>
        <location line="+17"/>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location line="-288"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Safety of the selected context</source>
        <translation>所选上下文的安全级别</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;Kubeconfig File…</source>
        <translation>添加 kubeconfig 文件(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add CCI &amp;Account…</source>
        <translation>添加 CCI 账号(&amp;A)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Safety:</source>
        <translation>安全级别：</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Add a kubeconfig file</source>
        <translation>添加 kubeconfig 文件</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No account added: give a secret key and access key, or a password.</source>
        <translation>未添加账号：请提供访问密钥和秘密访问密钥，或提供密码。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The secret was not stored: %1</source>
        <translation>机密信息未能保存：%1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Not connected: the credential plugin of &quot;%1&quot; was not trusted.</source>
        <translation>未连接：“%1”的凭据插件未被信任。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The account &quot;%1&quot; or its region is gone.</source>
        <translation>账号“%1”或其区域已不存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the account&apos;s secret: %1</source>
        <translation>无法读取该账号的机密信息：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Test cancelled.</source>
        <translation>测试已取消。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel &amp;Test</source>
        <translation>取消测试(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1:
%2</source>
        <translation>%1：
%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Connecting to %1; its state is in the status bar.</source>
        <translation>正在连接到 %1；连接状态显示在状态栏中。</translation>
    </message>
</context>
<context>
    <name>ui::DetailsPane</name>
    <message>
        <location filename="../ui/detailspane.cpp" line="+14"/>
        <location line="+27"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>Conditions</source>
        <translation>状况</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+8"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Last transition</source>
        <translation>上次转换</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+24"/>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restarts</source>
        <translation>重启</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Last seen</source>
        <translation>最后出现</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+51"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Details title</source>
        <translation>详情标题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Details state</source>
        <translation>详情状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details tabs</source>
        <translation>详情标签页</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Select an object in a table to see its details.</source>
        <translation>在表格中选择一个对象以查看其详情。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Live: follows the server&apos;s copy.</source>
        <translation>实时：与服务器上的副本保持同步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not on the server (deleted); showing the last copy seen.</source>
        <translation>服务器上已不存在（已删除）；显示最后获取到的副本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read it: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An edit is open: other selections show when it ends.</source>
        <translation>有正在进行的编辑：编辑结束后才会显示其他选中的对象。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CCI injects this container (network interconnection); the workload does not define it.</source>
        <translation>此容器由 CCI 注入（网络互通）；工作负载中未定义该容器。</translation>
    </message>
</context>
<context>
    <name>ui::EventsPane</name>
    <message>
        <location filename="../ui/eventspane.cpp" line="+26"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Burst failures</source>
        <translation>弹性失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter events</source>
        <translation>筛选事件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: words, ns:NAME, type:Normal|Warning, reason:TEXT, kind:KIND, burst:yes|no, cluster:CONTEXT, -word</source>
        <translation>筛选：关键词、ns:名称、type:Normal|Warning、reason:文本、kind:类型、burst:yes|no、cluster:上下文、-排除词</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No burst failures among the events</source>
        <translation>事件中没有弹性失败</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 burst failure events (burst:yes shows them). The newest, %2: %3</source>
        <translation>%1 个弹性失败事件（burst:yes 可显示这些事件）。最新一个，%2：%3</translation>
    </message>
</context>
<context>
    <name>ui::HelpDialogs</name>
    <message>
        <location filename="../ui/helpdialogs.cpp" line="+12"/>
        <source>Edit and preview CCE-to-CCI burst policies in manifest files: the pod CCI runs, with diagnostics, and a What-if of where pods go as replicas change. Connected to a cluster (--context), it lists the pods that burst to CCI, live.</source>
        <translation>在清单文件中编辑并预览 CCE 到 CCI 的弹性策略：CCI 实际运行的 Pod 及诊断，以及副本数变化时 Pod 去向的 What-if。连接集群（--context）后，实时列出弹性到 CCI 的 Pod。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Where the CCI guide is silent, Burst Console decides:</source>
        <translation>CCI 指南未说明之处，Burst Console 的约定：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Decided rules</source>
        <translation>约定规则</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Burst Console %1</source>
        <translation>Burst Console %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>About Burst Console</source>
        <translation>关于弹性突发控制台</translation>
    </message>
</context>
<context>
    <name>ui::HostPathForm</name>
    <message>
        <location filename="../ui/hostpathform.cpp" line="+31"/>
        <source>hostPath replacement</source>
        <translation>hostPath 替换</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CCI has no hostPath. Each hostPath volume needs a rule: remove it (and its mounts), or replace it by a localDir, an emptyDir or an EVS flexVolume (sata: common I/O, sas: high I/O, ssd: ultra-high I/O). The &quot;*&quot; row (decided) covers every hostPath volume no named rule covers.</source>
        <translation>CCI 不支持 hostPath。每个 hostPath 卷都需要一条规则：删除该卷（及其挂载），或将其替换为 localDir、emptyDir 或 EVS flexVolume（sata：普通 I/O，sas：高 I/O，ssd：超高 I/O）。&quot;*&quot; 行（约定）适用于所有未被具名规则覆盖的 hostPath 卷。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hostPath replacement rules</source>
        <translation>hostPath 替换规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume</source>
        <translation>卷</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host path</source>
        <translation>主机路径</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size limit</source>
        <translation>大小上限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fsType</source>
        <translation>fsType</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume type</source>
        <translation>卷类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Volume size</source>
        <translation>卷大小</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A&amp;pply to manifest</source>
        <translation>应用到清单(&amp;P)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>* (all others)</source>
        <translation>*（其他所有卷）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(no rule)</source>
        <translation>（无规则）</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Rule %1: %2</source>
        <translation>规则 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No rule for %1: the pod cannot burst to CCI.</source>
        <translation>未为 %1 配置规则：该 Pod 无法弹性到 CCI。</translation>
    </message>
</context>
<context>
    <name>ui::ImageRulesForm</name>
    <message>
        <location filename="../ui/imagerulesform.cpp" line="+17"/>
        <source>Image replacement</source>
        <translation>镜像地址替换</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A rule replaces an image&apos;s prefix (everything before its last &quot;/&quot;) on CCI. An empty prefix matches images without &quot;/&quot; and puts the replacement in front. Each image uses at most one rule; order does not matter.</source>
        <translation>替换策略在 CCI 上替换镜像的前缀（即镜像名中最后一个 &quot;/&quot; 之前的部分）。前缀为空时匹配不含 &quot;/&quot; 的镜像，并将替换值加在镜像名前面。每个镜像至多应用一条替换策略；替换策略的顺序无关紧要。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Image replacement rules</source>
        <translation>镜像地址替换规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repository prefix</source>
        <translation>镜像前缀</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add rule</source>
        <translation>添加替换策略(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove rule</source>
        <translation>删除替换策略(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;pply to manifest</source>
        <translation>应用到清单(&amp;P)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Images on CCI</source>
        <translation>CCI 上的镜像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image as written</source>
        <translation>清单中的镜像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>替换策略</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image on CCI</source>
        <translation>CCI 上的镜像</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Rule %1: %2</source>
        <translation>替换策略 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (init)</source>
        <translation>%1（初始化容器）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no prefix)</source>
        <translation>（无前缀）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ui::LivePolicyDialog</name>
    <message>
        <location filename="../ui/livepolicydialog.cpp" line="+51"/>
        <source>The server&apos;s dry run would store:</source>
        <translation>服务器试运行（dry run）显示将存储的内容：</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Use in patch</source>
        <translation>加入补丁(&amp;U)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(field %1)</source>
        <translation>（字段 %1）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The server refused:
%1</source>
        <translation>服务器拒绝：
%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server&apos;s dry run refused it; nothing was written:
%1</source>
        <translation>服务器试运行拒绝了该请求；未写入任何内容：
%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled: nothing was sent.</source>
        <translation>已取消：未发送任何内容。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit &amp;Burst Policy…</source>
        <translation>编辑弹性策略(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the burst policy of the selected object on the cluster (Ctrl+B): patch, preview and dry run first</source>
        <translation>在集群上编辑所选对象的弹性策略（Ctrl+B）：先生成补丁、预览并试运行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Scale…</source>
        <translation>扩缩容(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the replica count of the selected Deployment, StatefulSet or ReplicaSet (Ctrl+Shift+S)</source>
        <translation>设置所选 Deployment、StatefulSet 或 ReplicaSet 的副本数（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected objects from the cluster (Del)</source>
        <translation>从集群中删除所选对象（Del）</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+119"/>
        <source>Write result</source>
        <translation>写入结果</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Deleted %n object(s) in %1.</source>
        <translation>
            <numerusform>已在 %1 中删除 %n 个对象。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scale to %1</source>
        <translation>扩缩容至 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scaled %1 to %2 in %3.</source>
        <translation>已在 %3 中将 %1 扩缩容至 %2。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Scale %1</source>
        <translation>扩缩容 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replicas of %1
in cluster (context) %2, namespace %3:</source>
        <translation>集群（上下文）%2、命名空间 %3 中
%1 的副本数：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Burst policy of %1 on %2</source>
        <translation>%2 上 %1 的弹性策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit burst policy</source>
        <translation>编辑弹性策略</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writes go to cluster (context) %1, namespace %2.</source>
        <translation>写入目标：集群（上下文）%1，命名空间 %2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This context is %1.</source>
        <translation>此上下文的安全级别为“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Burst policy forms</source>
        <translation>弹性策略表单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patch and preview</source>
        <translation>补丁与预览</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CCI pod preview</source>
        <translation>CCI Pod 预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Pending patch</source>
        <translation>待发送的补丁</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Server dry run</source>
        <translation>服务器试运行</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Dry run or Apply asks the server what it would store.</source>
        <translation>试运行（dry run）或应用时，会先向服务器询问其将存储的内容。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Dry run</source>
        <translation>试运行(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply…</source>
        <translation>应用(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs the server&apos;s dry run, shows what the server would store, asks for confirmation, then sends the patch</source>
        <translation>执行服务器试运行，显示服务器将存储的内容，请求确认后再发送补丁</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ScheduleProfile</source>
        <translation>ScheduleProfile</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Burst strategy</source>
        <translation>弹性策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image replacement</source>
        <translation>镜像地址替换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hostPath replacement</source>
        <translation>hostPath 替换</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Nothing changed yet. A strategy list, or a form&apos;s &quot;Use in patch&quot; button, puts its change here; nothing is sent before Apply.</source>
        <translation>尚无更改。弹性策略列表或表单中的“加入补丁”按钮会将更改放到这里；点击“应用”前不会发送任何内容。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The server&apos;s dry run refused the patch:
%1</source>
        <translation>服务器试运行拒绝了该补丁：
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s dry run accepted the patch. It would store:</source>
        <translation>服务器试运行接受了该补丁。将存储的内容：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not read %1 from the cluster: %2</source>
        <translation>无法从集群读取 %1：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+37"/>
        <source>The object already has these values: nothing to send.</source>
        <translation>该对象已是这些值：无需发送。</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The server&apos;s dry run accepted the patch; nothing was written.</source>
        <translation>服务器试运行接受了该补丁；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Asking the server for a dry run…</source>
        <translation>正在请求服务器试运行…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Apply burst policy</source>
        <translation>应用弹性策略</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Applied to %1 at %2. The panes show how the cluster reacts.</source>
        <translation>已于 %2 应用到 %1。各面板会显示集群的响应。</translation>
    </message>
</context>
<context>
    <name>ui::LiveTablePane</name>
    <message>
        <location filename="../ui/livetablepane.cpp" line="+79"/>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter %1</source>
        <translation>筛选%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Columns of %1</source>
        <translation>%1 的列</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Choose the columns this table shows (also on the header&apos;s context menu)</source>
        <translation>选择此表格显示的列（也可通过表头的右键菜单选择）</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Show all columns</source>
        <translation>显示所有列</translation>
    </message>
</context>
<context>
    <name>ui::LogPane</name>
    <message>
        <location filename="../ui/logpane.cpp" line="+55"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>streaming</source>
        <translation>正在接收</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for the pod to start</source>
        <translation>等待 Pod 启动</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+398"/>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location line="-397"/>
        <source>Keep the newest lines in view (End resumes, scrolling up pauses)</source>
        <translation>始终显示最新的行（End 恢复，向上滚动暂停）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show each line&apos;s time as the server wrote it</source>
        <translation>按服务器写入的时间显示每行的时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous container</source>
        <translation>上一个容器实例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The log of the container&apos;s previous instance (before its last restart)</source>
        <translation>容器上一个实例（最近一次重启之前）的日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrap</source>
        <translation>换行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wrap lines</source>
        <translation>自动换行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wrap long lines</source>
        <translation>长行自动换行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy lines</source>
        <translation>复制行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the selected lines (Ctrl+C)</source>
        <translation>复制选中的行（Ctrl+C）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+448"/>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location line="-447"/>
        <source>Save the lines shown (the filter applies) to a file</source>
        <translation>将显示的行（应用过滤）保存到文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop counting or filtering</source>
        <translation>停止计数或过滤</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+166"/>
        <source>Logs of %1</source>
        <translation>%1 的日志</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only lines newer than this</source>
        <translation>只显示比此时间更新的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since: all</source>
        <translation>时间：全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1m</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>5m</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>15m</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since %1</source>
        <translation>最近 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The container whose log shows</source>
        <translation>显示其日志的容器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter lines</source>
        <translation>过滤行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter: show only lines that match</source>
        <translation>过滤：只显示匹配的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log status</source>
        <translation>日志状态</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Copied the first %1 of %2 selected lines; Save… writes them all.</source>
        <translation>已复制选中的 %2 行中的前 %1 行；“保存…”可写出全部。</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>%1 pods</source>
        <translation>%1 个 Pod</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (init)</source>
        <translation>%1（初始化容器）</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Filter: %1</source>
        <translation>过滤：%1</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the pod…</source>
        <translation>正在读取 Pod…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+13"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 older lines dropped (cap %2)</source>
        <translation>已丢弃 %1 行较早的日志（上限 %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filtering… %1% (Esc stops)</source>
        <translation>正在过滤… %1%（按 Esc 停止）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counting matches… (Esc stops)</source>
        <translation>正在统计匹配数…（按 Esc 停止）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: End or Follow resumes</source>
        <translation>已暂停：按 End 或“跟随”恢复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/podactions.cpp" line="+70"/>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the logs of the selected pod, or of the workload&apos;s pods merged (L)</source>
        <translation>显示所选 Pod 的日志，或工作负载所有 Pod 合并后的日志（L）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Logs: %1 — %2</source>
        <translation>日志：%1 — %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 (%2 pods)</source>
        <translation>%1（%2 个 Pod）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--logs %1: write NAMESPACE/POD or NAMESPACE/POD/CONTAINER.</source>
        <translation>--logs %1：请写作 命名空间/POD 或 命名空间/POD/容器。</translation>
    </message>
</context>
<context>
    <name>ui::LogSearchBar</name>
    <message>
        <location filename="../ui/logsearchbar.cpp" line="+36"/>
        <source>.*</source>
        <translation>.*</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search and filter with a regular expression</source>
        <translation>搜索和过滤使用正则表达式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search and filter match case</source>
        <translation>搜索和过滤区分大小写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W</source>
        <translation>词</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Whole word</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search and filter match whole words</source>
        <translation>搜索和过滤只匹配完整的词</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search logs</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search (Ctrl+F); Enter: next, Shift+Enter: previous</source>
        <translation>搜索（Ctrl+F）；Enter：下一个，Shift+Enter：上一个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配（Shift+F3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (F3)</source>
        <translation>下一个匹配（F3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match count</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Invalid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 match</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Counting… %1 (%2%)</source>
        <translation>正在计数… %1（%2%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counting… %1%</source>
        <translation>正在计数… %1%</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1+ matches</source>
        <translation>%1+ 个匹配</translation>
    </message>
</context>
<context>
    <name>ui::LogView</name>
    <message>
        <location filename="../ui/logview.cpp" line="+26"/>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+263"/>
        <source>Filter workloads (Ctrl+F): name, namespace, strategy…</source>
        <translation>筛选工作负载（Ctrl+F）：名称、命名空间、弹性策略…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Workloads in the manifests</source>
        <translation>清单中的工作负载</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ScheduleProfiles in the manifests</source>
        <translation>清单中的 ScheduleProfile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ScheduleProfiles</source>
        <translation>ScheduleProfile</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>File problems</source>
        <translation>文件问题</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Burst strategy</source>
        <translation>弹性策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image replacement</source>
        <translation>镜像地址替换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hostPath replacement</source>
        <translation>hostPath 替换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ScheduleProfile</source>
        <translation>ScheduleProfile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What-if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove burst label</source>
        <translation>删除弹性标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set burst strategy %1</source>
        <translation>将弹性策略设置为 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit image replacement rules</source>
        <translation>编辑镜像地址替换策略</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit hostPath replacement rules</source>
        <translation>编辑 hostPath 替换规则</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Files…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;All</source>
        <translation>全部保存(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+S</source>
        <translation>Ctrl+Alt+S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Filter Workloads</source>
        <translation>筛选工作负载(&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Diagnostic</source>
        <translation>下一条诊断(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous Diagnostic</source>
        <translation>上一条诊断(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connections…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Disconnect Current</source>
        <translation>断开当前连接(&amp;D)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decided Rules</source>
        <translation>约定规则(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Burst Console</source>
        <translation>关于弹性突发控制台(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Still loading; try again when it is done.</source>
        <translation>仍在加载，请在加载完成后重试。</translation>
    </message>
    <message numerus="yes">
        <location line="-328"/>
        <source>Loading %n path(s)…</source>
        <translation>
            <numerusform>正在加载 %n 个路径…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+353"/>
        <source>Loaded %n file(s)</source>
        <translation>
            <numerusform>已加载 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>File problems (%1)</source>
        <translation>文件问题（%1）</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Workbench status</source>
        <translation>工作台状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading progress</source>
        <translation>加载进度</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Connection state of %1</source>
        <translation>%1 的连接状态</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Workload filter</source>
        <translation>工作负载筛选</translation>
    </message>
    <message numerus="yes">
        <location line="+264"/>
        <source>Burst Console — %n unsaved file(s)</source>
        <translation>
            <numerusform>弹性突发控制台 — %n 个文件未保存</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burst Console</source>
        <translation>弹性突发控制台</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open manifests</source>
        <translation>打开清单文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubernetes manifests (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Kubernetes 清单文件 (*.yaml *.yml *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a folder of manifests</source>
        <translation>打开清单文件夹</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language changes when Burst Console starts next time.</source>
        <translation>语言设置将在下次启动弹性突发控制台时生效。</translation>
    </message>
</context>
<context>
    <name>ui::MetricsPane</name>
    <message>
        <location filename="../ui/metricspane.cpp" line="+60"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics summary</source>
        <translation>指标摘要</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Billed on CCI</source>
        <translation>CCI 计费规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocatable</source>
        <translation>可分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU (millicores)</source>
        <translation>CPU（毫核）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Memory (MiB)</source>
        <translation>内存（MiB）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>CPU chart</source>
        <translation>CPU 图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory chart</source>
        <translation>内存图表</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Metrics are shown for pods and nodes.</source>
        <translation>仅为 Pod 和节点显示指标。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the first sample…</source>
        <translation>正在等待第一个样本…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CPU %1, memory %2 at %3.</source>
        <translation>%3 时 CPU %1，内存 %2。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Requests: CPU %1, memory %2.</source>
        <translation>请求：CPU %1，内存 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Billed on CCI: CPU %1, memory %2.</source>
        <translation>CCI 计费规格：CPU %1，内存 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Allocatable: CPU %1, memory %2.</source>
        <translation>可分配：CPU %1，内存 %2。</translation>
    </message>
</context>
<context>
    <name>ui::NamespaceScope</name>
    <message>
        <location filename="../ui/livetablepane.cpp" line="-236"/>
        <source>Namespace scope</source>
        <translation>命名空间范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown namespaces</source>
        <translation>显示的命名空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Show all namespaces</source>
        <translation>显示所有命名空间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the namespace selection of the Namespaces pane</source>
        <translation>清除“命名空间”面板中的命名空间选择</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing 1 namespace: %1</source>
        <translation>显示 1 个命名空间：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing %1 namespaces: %2</source>
        <translation>显示 %1 个命名空间：%2</translation>
    </message>
</context>
<context>
    <name>ui::NamespacesPane</name>
    <message>
        <location filename="../ui/namespacespane.cpp" line="+20"/>
        <source>Namespaces</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter: words, ns:NAME, status:PHASE, -word</source>
        <translation>筛选：关键词、ns:名称、status:阶段、-排除词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select namespaces (Ctrl or Shift for several) to show only them in the other panes</source>
        <translation>选择命名空间（按住 Ctrl 或 Shift 可多选），使其他面板仅显示这些命名空间</translation>
    </message>
</context>
<context>
    <name>ui::NodesPane</name>
    <message>
        <location filename="../ui/nodespane.cpp" line="+34"/>
        <location line="+110"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter nodes</source>
        <translation>筛选节点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: words, name:NAME, kind:virtual|local, ready:TEXT, taint:TEXT, lock:locked|unlocked, -word</source>
        <translation>筛选：关键词、name:名称、kind:virtual|local、ready:文本、taint:文本、lock:locked|unlocked、-排除词</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Lift the lock of the selected virtual node (Ctrl+U), so pods are sent to CCI again</source>
        <translation>解除所选虚拟节点的锁定（Ctrl+U），使 Pod 重新调度到 CCI</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Unlocking removes the lock annotation and the lock taint from the node, so pods are sent to CCI again before the 30-minute lock ends. A workload that CCI refused and that is still unchanged will be refused again and lock the node again: fix its resources first.

Sent to the node %1 (a JSON merge patch):
%2</source>
        <translation>解锁会从节点上移除锁定注解和锁定污点，使 Pod 在 30 分钟锁定结束前即可重新调度到 CCI。被 CCI 拒绝且仍未修改的工作负载会再次被拒绝并再次锁定节点：请先修正其资源。

发送到节点 %1 的内容（JSON merge patch）：
%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not unlock %1: %2</source>
        <translation>无法解锁 %1：%2</translation>
    </message>
</context>
<context>
    <name>ui::ObjectYamlPage</name>
    <message>
        <location filename="../ui/objectyamlpage.cpp" line="+68"/>
        <location line="+6"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>Review &amp;&amp; Apply</source>
        <translation>审阅并应用</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to editing</source>
        <translation>返回编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-apply on top</source>
        <translation>基于最新副本重新应用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>YAML page</source>
        <translation>YAML 页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Review changes</source>
        <translation>审阅更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit state</source>
        <translation>编辑状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit the YAML (Ctrl+E)</source>
        <translation>编辑 YAML（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the change against the server copy (Ctrl+Return)</source>
        <translation>显示相对于服务器副本的更改（Ctrl+Return）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the change, after confirmation (Ctrl+Return)</source>
        <translation>确认后发送更改（Ctrl+Return）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the edit (Esc)</source>
        <translation>放弃编辑（Esc）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop your edit and show the server&apos;s copy</source>
        <translation>放弃您的编辑并显示服务器上的副本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply your change to the server&apos;s current copy and review it again</source>
        <translation>将您的更改应用到服务器上的当前副本并重新审阅</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Editing %1 from resourceVersion %2.</source>
        <translation>正在编辑 %1（基于 resourceVersion %2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed on the server since you started editing (now resourceVersion %1): applying will report a conflict.</source>
        <translation>自您开始编辑以来，服务器上的对象已更改（当前 resourceVersion 为 %1）：应用时将报告冲突。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The object no longer exists on the server.</source>
        <translation>服务器上已不存在该对象。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+73"/>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Not valid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The edit changes nothing: there is nothing to apply.</source>
        <translation>编辑未做任何更改：没有需要应用的内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Review the change against the server copy you started from, then Apply.</source>
        <translation>请对照开始编辑时的服务器副本审阅更改，然后点击“应用”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server copy (resourceVersion %1)</source>
        <translation>服务器副本（resourceVersion %1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your edit</source>
        <translation>您的编辑</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Apply edit</source>
        <translation>应用编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON merge patch (the resourceVersion is the precondition):
%1</source>
        <translation>JSON merge patch（以 resourceVersion 作为前提条件）：
%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not applied: the write was not confirmed.</source>
        <translation>未应用：写入未经确认。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Edit cancelled.</source>
        <translation>编辑已取消。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your edit was dropped; this is the server&apos;s copy (resourceVersion %1).</source>
        <translation>已放弃您的编辑；当前显示的是服务器上的副本（resourceVersion %1）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your change applied on top of the server&apos;s current copy (resourceVersion %1): review it, then Apply.</source>
        <translation>您的更改已应用到服务器上的当前副本（resourceVersion %1）之上：请审阅后点击“应用”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Applied: the server now has resourceVersion %1.</source>
        <translation>已应用：服务器上的 resourceVersion 现为 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On the server now (resourceVersion %1)</source>
        <translation>服务器上的当前副本（resourceVersion %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your edit (from resourceVersion %1)</source>
        <translation>您的编辑（基于 resourceVersion %1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conflict: the object changed on the server since you started editing, so nothing was written. Reload drops your edit and shows the server&apos;s copy; Re-apply on top applies your change to the server&apos;s copy for you to review again.</source>
        <translation>冲突：自您开始编辑以来，服务器上的对象已更改，因此未写入任何内容。“重新加载”会放弃您的编辑并显示服务器上的副本；“基于最新副本重新应用”会将您的更改应用到服务器副本上，供您重新审阅。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not applied (409 Conflict).</source>
        <translation>未应用（409 Conflict）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
</context>
<context>
    <name>ui::PodsPane</name>
    <message>
        <location filename="../ui/podspane.cpp" line="+34"/>
        <source>All pods</source>
        <translation>所有 Pod</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+26"/>
        <source>Burst pods</source>
        <translation>弹性 Pod</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pod counts</source>
        <translation>Pod 计数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter pods</source>
        <translation>筛选 Pod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: words, ns:NAME, status:TEXT, node:NAME, loc:cci|local, strategy:VALUE, -word</source>
        <translation>筛选：关键词、ns:名称、status:文本、node:名称、loc:cci|local、strategy:值、-排除词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show all pods</source>
        <translation>显示所有 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the pods on every node, not only those that burst to CCI</source>
        <translation>显示所有节点上的 Pod，而不仅是弹性到 CCI 的 Pod</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open a shell in the selected pod (S)</source>
        <translation>在所选 Pod 中打开 Shell（S）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(no label)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On CCI %1, local %2, unscheduled %3</source>
        <translation>CCI 上 %1，本地 %2，未调度 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — on CCI by pod burst label: %1</source>
        <translation> — CCI 上按 Pod 弹性标签：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>ui::PreviewPane</name>
    <message>
        <location filename="../ui/previewpane.cpp" line="+69"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pod as written</source>
        <translation>清单中的 Pod</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pod on CCI</source>
        <translation>CCI 上的 Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod as written and on CCI</source>
        <translation>清单中的 Pod 与 CCI 上的 Pod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Select a workload to see the pod CCI runs.</source>
        <translation>请选择一个工作负载以查看 CCI 实际运行的 Pod。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;%1/%2&lt;/b&gt; %3 — pod on CCI: &lt;b&gt;%4 cpu / %5&lt;/b&gt; — %6</source>
        <translation>&lt;b&gt;%1/%2&lt;/b&gt; %3 — CCI 上的 Pod：&lt;b&gt;%4 CPU / %5&lt;/b&gt; — %6</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>admissible</source>
        <translation>CCI 可接纳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;span style=&apos;color:#d03030&apos;&gt;rejected&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d03030&apos;&gt;CCI 将拒绝&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>ui::ProfileForm</name>
    <message>
        <location filename="../ui/profileform.cpp" line="+60"/>
        <source>ScheduleProfile</source>
        <translation>ScheduleProfile</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Strategy:</source>
        <translation>弹性策略：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only one location may set maxNum; localPrefer may configure only one location. auto and localPrefer profiles may also take pods no profile has claimed; enforce profiles only take unclaimed pods (guide wording). The location with the higher scaleDownPriority loses pods first on scale-down (decided: ties remove CCI pods).</source>
        <translation>只能有一个位置设置 maxNum；localPrefer 只能配置一个位置。auto 和 localPrefer 策略的 profile 也可以关联未被任何 profile 关联的 Pod；enforce 策略的 profile 只关联未被关联的 Pod（沿用指南措辞）。缩容时 scaleDownPriority 较高的位置优先删除 Pod（约定：取值相同时先删除 CCI 上的 Pod）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Workloads this profile would capture:</source>
        <translation>此 profile 将关联的工作负载：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workloads this profile would capture</source>
        <translation>此 profile 将关联的工作负载</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Create a profile for this workload</source>
        <translation>为此工作负载创建 profile(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;pply to manifest</source>
        <translation>应用到清单(&amp;P)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Selector (objectLabels)</source>
        <translation>选择器（objectLabels）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Label key</source>
        <translation>标签键</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>matchLabels</source>
        <translation>matchLabels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>matchExpressions</source>
        <translation>matchExpressions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>运算符</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Values (comma-separated)</source>
        <translation>值（以逗号分隔）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>matchExpressions:</source>
        <translation>matchExpressions：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>matchLabels:</source>
        <translation>matchLabels：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>CCI (location.cci)</source>
        <translation>CCI（location.cci）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local IDC (location.local)</source>
        <translation>本地 IDC（location.local）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limit pods (maxNum)</source>
        <translation>限制 Pod 数量（maxNum）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>scaleDownPriority</source>
        <translation>缩容优先级（scaleDownPriority）</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>&lt;b&gt;ScheduleProfile %1/%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;ScheduleProfile %1/%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No ScheduleProfile captures this workload.</source>
        <translation>没有 ScheduleProfile 关联此工作负载。</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1 — captured (relatedness %2)</source>
        <translation>%1 — 已关联（关联度 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — matches, but %2 wins (higher relatedness or name first)</source>
        <translation>%1 — 匹配，但由 %2 优先关联（关联度更高或名称排序靠前）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — matches, but this profile is invalid</source>
        <translation>%1 — 匹配，但此 profile 无效</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Edit ScheduleProfile %1</source>
        <translation>编辑 ScheduleProfile %1</translation>
    </message>
</context>
<context>
    <name>ui::ProfilesPane</name>
    <message>
        <location filename="../ui/profilespane.cpp" line="+17"/>
        <source>ScheduleProfiles</source>
        <translation>ScheduleProfile</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Filter: words, ns:NAME, strategy:VALUE, -word</source>
        <translation>筛选：关键词、ns:名称、strategy:值、-排除词</translation>
    </message>
</context>
<context>
    <name>ui::ResourcesForm</name>
    <message>
        <location filename="../ui/resourcesform.cpp" line="+14"/>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Container resources</source>
        <translation>容器资源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cpu as written</source>
        <translation>清单中的 CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory as written</source>
        <translation>清单中的内存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cpu on CCI</source>
        <translation>CCI 上的 CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory on CCI</source>
        <translation>CCI 上的内存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CCI sets request = limit (the limit if given, else the request). A valid pod has 0.25-32 cores in steps of 0.25 (or 48 or 64), 1Gi-512Gi in whole Gi, and 2-8Gi per core; up to 32 cores / 256Gi an invalid pod is normalized, the increase going to the first app container.</source>
        <translation>CCI 会将 request 设置为与 limit 相等（设置了 limit 时取 limit，否则取 request）。有效的 Pod 需满足：CPU 为 0.25~32 核且为 0.25 的整数倍（或为 48 核、64 核），内存为 1Gi~512Gi 且为 1Gi 的整数倍，每核 CPU 配 2~8Gi 内存；不超过 32 核 / 256Gi 的无效 Pod 会进行资源自动规整，增量添加到第一个应用容器。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a workload.</source>
        <translation>请选择一个工作负载。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Pod:&lt;/b&gt; %1 cpu / %2 memory as written; &lt;b&gt;%3 cpu / %4 memory on CCI&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Pod：&lt;/b&gt;清单中为 %1 CPU / %2 内存；&lt;b&gt;CCI 上为 %3 CPU / %4 内存&lt;/b&gt;。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CCI normalizes it and admits it.</source>
        <translation>CCI 会对其进行资源自动规整并接纳。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid for CCI as written.</source>
        <translation>按清单原样即符合 CCI 要求。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;span style=&apos;color:#d03030&apos;&gt;CCI rejects it.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d03030&apos;&gt;CCI 将拒绝该 Pod。&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (init)</source>
        <translation>%1（初始化容器）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>ui::StrategyForm</name>
    <message>
        <location filename="../ui/strategyform.cpp" line="+16"/>
        <source>Burst strategy</source>
        <translation>弹性策略</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Workload label:</source>
        <translation>工作负载标签：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod template label:</source>
        <translation>Pod 模板标签：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;&lt;b&gt;Precedence&lt;/b&gt; (decided): pod-template label &amp;gt; workload label &amp;gt; ScheduleProfile &amp;gt; none. A label always beats a profile.&lt;/p&gt;&lt;p&gt;&lt;b&gt;auto&lt;/b&gt;: the scheduler&apos;s scores decide, CCE nodes preferred; &lt;b&gt;localPrefer&lt;/b&gt;: CCI only when the cluster lacks resources; &lt;b&gt;enforce&lt;/b&gt;: always CCI; &lt;b&gt;off&lt;/b&gt;: never CCI. DaemonSets and hostNetwork pods never burst.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;优先级&lt;/b&gt;（约定）：Pod 模板标签 &amp;gt; 工作负载标签 &amp;gt; ScheduleProfile &amp;gt; 无。标签的优先级始终高于 profile。&lt;/p&gt;&lt;p&gt;&lt;b&gt;auto&lt;/b&gt;：由调度器打分决定，优先使用 CCE 节点；&lt;b&gt;localPrefer&lt;/b&gt;：仅在集群资源不足时调度到 CCI；&lt;b&gt;enforce&lt;/b&gt;：始终调度到 CCI；&lt;b&gt;off&lt;/b&gt;：从不调度到 CCI。DaemonSet 的 Pod 和 hostNetwork 的 Pod 从不弹性到 CCI。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (invalid)</source>
        <translation>%1（无效）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select a workload.</source>
        <translation>请选择一个工作负载。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Effective strategy:&lt;/b&gt; %1, from %2</source>
        <translation>&lt;b&gt;生效的弹性策略：&lt;/b&gt;%1，来源：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Associated ScheduleProfile: %1</source>
        <translation>关联的 ScheduleProfile：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods may run on CCI.</source>
        <translation>Pod 可能运行在 CCI 上。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pods never go to CCI.</source>
        <translation>Pod 不会调度到 CCI。</translation>
    </message>
</context>
<context>
    <name>ui::TerminalPane</name>
    <message>
        <location filename="../ui/terminalpane.cpp" line="+29"/>
        <source>%1 (init container)</source>
        <translation>%1（初始化容器）</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+24"/>
        <source>New tab</source>
        <translation>新建标签页</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+25"/>
        <location line="+58"/>
        <source>Close tab</source>
        <translation>关闭标签页</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The container a new tab opens a shell in</source>
        <translation>新标签页在其中打开 Shell 的容器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal tabs</source>
        <translation>终端标签页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Terminal status</source>
        <translation>终端状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new shell in the chosen container (Ctrl+Shift+T)</source>
        <translation>在所选容器中新建一个 Shell（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close this terminal (Ctrl+Shift+W)</source>
        <translation>关闭此终端（Ctrl+Shift+W）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Container:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Container label</source>
        <translation>容器标签</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Pod: %1/%2</source>
        <translation>Pod：%1/%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+93"/>
        <source>No terminal open</source>
        <translation>没有打开的终端</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Reading pod %1/%2…</source>
        <translation>正在读取 Pod %1/%2…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot read the pod&apos;s containers: %1</source>
        <translation>无法读取该 Pod 的容器：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>[process exited with code %1]</source>
        <translation>[进程已退出，退出码 %1]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exited %1</source>
        <translation>已退出 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[cannot start a shell: %1]</source>
        <translation>[无法启动 Shell：%1]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 in %2 — %3×%4</source>
        <translation>%2 中的 %1 — %3×%4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 in %2 exited with code %3</source>
        <translation>%2 中的 %1 已退出，退出码 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not start a shell in %1</source>
        <translation>无法在 %1 中启动 Shell</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for %1 to start (%2)</source>
        <translation>正在等待 %1 启动（%2）</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+19"/>
        <source>Terminal — %1</source>
        <translation>终端 — %1</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Terminal dock</source>
        <translation>终端停靠窗口</translation>
    </message>
</context>
<context>
    <name>ui::TerminalWidget</name>
    <message>
        <location filename="../ui/terminalwidget.cpp" line="+105"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
</context>
<context>
    <name>ui::TimelinePane</name>
    <message>
        <location filename="../ui/timelinepane.cpp" line="+100"/>
        <source>Burst timeline</source>
        <translation>弹性时间线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline scope</source>
        <translation>时间线范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole cluster, or one workload</source>
        <translation>整个集群，或某个工作负载</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timeline range</source>
        <translation>时间线时段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since the first change</source>
        <translation>自首次变化起</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+67"/>
        <source>Last 3 days</source>
        <translation>最近 3 天</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Observed since</source>
        <translation>观测起始时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the timeline as PNG</source>
        <translation>将时间线导出为 PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+77"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Export the timeline as CSV</source>
        <translation>将时间线导出为 CSV</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On CCI</source>
        <translation>在 CCI 上</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time (local)</source>
        <translation>时间（本地）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pods</source>
        <translation>Pod 数</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scale, refusal, lock</source>
        <translation>扩缩容、拒绝、锁定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Burst timeline chart</source>
        <translation>弹性时间线图表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>CCI usage</source>
        <translation>CCI 用量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage window</source>
        <translation>用量统计时段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Price per vCPU-hour</source>
        <translation>每 vCPU·小时单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Price per GiB-hour</source>
        <translation>每 GiB·小时单价</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your price per unit-hour (empty: no cost column); not saved anywhere</source>
        <translation>您的每单位小时单价（留空则不显示费用列）；不会保存到任何地方</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the usage as CSV</source>
        <translation>将用量导出为 CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How usage is counted</source>
        <translation>用量的计算方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Billed size: the add-on&apos;s burst-pod-cpu/-memory annotations, else the size after CCI&apos;s normalization. Counted from a pod&apos;s first running container to its end, for burst pods this console has seen.</source>
        <translation>计费规格：取插件写入的 burst-pod-cpu/-memory 注解，否则取 CCI 规整后的规格。从 Pod 第一个容器开始运行计到其结束，仅统计本控制台见过的弹性 Pod。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CCI usage table</source>
        <translation>CCI 用量表</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Window:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price per vCPU-hour:</source>
        <translation>每 vCPU·小时单价：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per GiB-hour:</source>
        <translation>每 GiB·小时：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Timeline and usage</source>
        <translation>时间线与用量</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Export timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Export usage</source>
        <translation>导出用量</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Whole cluster</source>
        <translation>整个集群</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Now %1 Pending, %2 local, %3 on CCI; %n change(s) shown.</source>
        <translation>
            <numerusform>当前 Pending %1 个，本地 %2 个，CCI 上 %3 个；显示 %n 次变化。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No timeline for this scope.</source>
        <translation>此范围没有时间线。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Observed since %1; earlier points are rebuilt from the pods&apos; own times.</source>
        <translation>自 %1 起观测；更早的数据点根据 Pod 自身的时间重建。</translation>
    </message>
</context>
<context>
    <name>ui::TriagePane</name>
    <message>
        <location filename="../ui/triagepane.cpp" line="+34"/>
        <source>Burst failures</source>
        <translation>弹性失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in &amp;Workbench</source>
        <translation>在工作台中打开(&amp;W)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Filter burst failures</source>
        <translation>筛选弹性失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: words, ns:NAME, cause:TEXT, workload:KIND/NAME, -word</source>
        <translation>筛选：关键词、ns:名称、cause:文本、workload:类型/名称、-排除词</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Burst failure summary</source>
        <translation>弹性失败摘要</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>See the workload&apos;s CCI preview (the rule that refused it is among the diagnostics) and fix its burst policy (Ctrl+B, Enter)</source>
        <translation>查看负载的 CCI 预览（拒绝它的规则在诊断中）并修复其弹性策略（Ctrl+B、回车）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No burst failures among the events</source>
        <translation>事件中没有弹性失败</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 causes across %2 workloads (%3 events). Select a row and press Ctrl+B to open its workload in the workbench.</source>
        <translation>%2 个负载共 %1 种原因（%3 个事件）。选中一行并按 Ctrl+B 可在工作台中打开其负载。</translation>
    </message>
</context>
<context>
    <name>ui::WhatIfChart</name>
    <message>
        <location filename="../ui/whatifchart.cpp" line="+65"/>
        <source>What-if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <location line="+33"/>
        <source> cores</source>
        <translation> 核</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> Gi</source>
        <translation> Gi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual-kubelet node &amp;locked (no bursting to CCI)</source>
        <translation>virtual-kubelet 节点已锁定（不弹性到 CCI）(&amp;L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Peak replicas:</source>
        <translation>峰值副本数(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local &amp;nodes:</source>
        <translation>本地节点数(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free &amp;CPU per node:</source>
        <translation>每节点可用 CPU(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free &amp;memory per node:</source>
        <translation>每节点可用内存(&amp;M)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCI</source>
        <translation>CCI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pods</source>
        <translation>Pod 数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What-if placement chart</source>
        <translation>假设分析调度图表</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Step (replicas 0 → %1 → 0)</source>
        <translation>步骤（副本数 0 → %1 → 0）</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>At %n replica(s): %1 local, %2 on CCI, %3 Pending.</source>
        <translation>
            <numerusform>副本数为 %n 时：本地 %1 个，CCI 上 %2 个，Pending %3 个。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The virtual-kubelet node is locked: nothing bursts to CCI.</source>
        <translation>virtual-kubelet 节点已锁定：不会有 Pod 弹性到 CCI。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strategy auto: this placement is an approximation of the real scheduler (least-allocated local node first, CCI when no local node fits).</source>
        <translation>auto 策略：此分布是对实际调度器的近似（优先选择已分配资源最少的本地节点，没有资源满足的本地节点时调度到 CCI）。</translation>
    </message>
</context>
<context>
    <name>ui::WorkloadsPane</name>
    <message>
        <location filename="../ui/workloadspane.cpp" line="+26"/>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filter: words, ns:NAME, kind:KIND, strategy:VALUE, profile:NAME, app=web,tier!=db, -word</source>
        <translation>筛选：关键词、ns:名称、kind:类型、strategy:值、profile:名称、app=web,tier!=db、-排除词</translation>
    </message>
</context>
<context>
    <name>ui::WorkspacePrompts</name>
    <message>
        <location filename="../ui/workspaceprompts.cpp" line="+27"/>
        <source>Cannot edit in place</source>
        <translation>无法原地编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot be edited in place safely: %2
%3
The file was not changed. Save the edited object as a new file instead?</source>
        <translation>无法安全地原地编辑 %1：%2
%3
文件未被更改。是否改为将编辑后的对象另存为新文件？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save edited object as</source>
        <translation>将编辑后的对象另存为</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML 文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Autosave failed: %1 %2</source>
        <translation>自动保存失败：%1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Burst Console did not close cleanly. Recover the unsaved changes of %n file(s)?</source>
        <translation>
            <numerusform>弹性突发控制台上次未正常关闭。是否恢复 %n 个文件中未保存的更改？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Some files have unsaved changes. Save them?</source>
        <translation>部分文件有未保存的更改。是否保存？</translation>
    </message>
</context>
<context>
    <name>ui::YamlDiffView</name>
    <message>
        <location filename="../ui/yamldiffview.cpp" line="+29"/>
        <source>As written</source>
        <translation>清单原文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As CCI runs it</source>
        <translation>CCI 实际运行的内容</translation>
    </message>
</context>
</TS>
