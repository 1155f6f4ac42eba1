package devserver

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/cluster"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/membership/static"
	sqliteplugin "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"
	"go.temporal.io/server/common/primitives"
	sqliteschema "go.temporal.io/server/schema/sqlite"
	"go.temporal.io/server/temporal"
	"google.golang.org/protobuf/types/known/durationpb"
)

// clusterName names the single local cluster, as the CLI's dev server does.
const clusterName = "active"

// newTemporal prepares the SQLite database (schema on first run, the namespace when
// missing) and builds the server; it does not start it.
func newTemporal(cfg Config, port int, dc *dynamicconfig.MemoryClient) (temporal.Server, error) {
	sqlConf, err := sqliteConfig(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	ns, err := sqliteschema.NewNamespaceConfig(clusterName, cfg.Namespace, false, nil)
	if err != nil {
		return nil, fmt.Errorf("namespace %q: %w", cfg.Namespace, err)
	}
	ns.Detail.Config.Retention = durationpb.New(cfg.Retention)
	// A no-op when the namespace exists; ensureNamespace fixes its retention after start.
	if err := sqliteschema.CreateNamespaces(sqlConf, ns); err != nil {
		return nil, fmt.Errorf("create namespace %q: %w", cfg.Namespace, err)
	}

	conf, hosts, err := serverConfig(sqlConf, port)
	if err != nil {
		return nil, err
	}
	logger := serverLogger(cfg.DataDir)
	authorizer, err := authorization.GetAuthorizerFromConfig(&conf.Global.Authorization)
	if err != nil {
		return nil, fmt.Errorf("authorizer: %w", err)
	}
	claimMapper, err := authorization.GetClaimMapperFromConfig(&conf.Global.Authorization, logger)
	if err != nil {
		return nil, fmt.Errorf("claim mapper: %w", err)
	}
	return temporal.NewServer(
		temporal.WithConfig(conf),
		temporal.ForServices(temporal.DefaultServices),
		// Static hosts skip the ringpop membership protocol: one process, known ports.
		temporal.WithStaticHosts(hosts),
		temporal.WithLogger(logger),
		temporal.WithAuthorizer(authorizer),
		temporal.WithClaimMapper(func(*config.Config) authorization.ClaimMapper { return claimMapper }),
		temporal.WithDynamicConfigClient(dc),
	)
}

// sqliteConfig points the default and visibility stores at <dataDir>/temporal.db and
// creates its schema when the file does not exist yet.
func sqliteConfig(dataDir string) (*config.SQL, error) {
	conf := &config.SQL{PluginName: sqliteplugin.PluginName}
	if dataDir == "" {
		conf.ConnectAttributes = map[string]string{"mode": "memory", "cache": "shared"}
		// Shared in-memory databases are per name; a unique name per server keeps two
		// servers in one test binary apart. The plugin creates the schema itself.
		conf.DatabaseName = "wijkflow-" + strconv.FormatInt(time.Now().UnixNano(), 36)
		return conf, nil
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	// Deleted rows are overwritten, and freed pages given back to the file system, so
	// an erased case does not linger in the file's free pages (auto_vacuum takes effect
	// for a new database only; secure_delete on every connection).
	conf.ConnectAttributes = map[string]string{"mode": "rwc", "secure_delete": "on", "auto_vacuum": "full"}
	conf.DatabaseName = filepath.Join(dataDir, "temporal.db")
	if _, err := os.Stat(conf.DatabaseName); errors.Is(err, os.ErrNotExist) {
		if err := sqliteschema.SetupSchema(conf); err != nil {
			// Leave no half-made database behind: the next start would skip the schema.
			os.Remove(conf.DatabaseName)
			return nil, fmt.Errorf("set up schema in %s: %w", conf.DatabaseName, err)
		}
	}
	return conf, nil
}

// serverConfig is the server's configuration: one history shard, all four services on
// 127.0.0.1, the frontend on port, archival off.
func serverConfig(sqlConf *config.SQL, port int) (*config.Config, map[primitives.ServiceName]static.Hosts, error) {
	frontend := hostPort(port)
	conf := &config.Config{}
	conf.Global.Membership.MaxJoinDuration = 30 * time.Second
	conf.Global.Membership.BroadcastAddress = host
	conf.Persistence.DefaultStore = "sqlite-default"
	conf.Persistence.VisibilityStore = "sqlite-default"
	conf.Persistence.NumHistoryShards = 1
	conf.Persistence.DataStores = map[string]config.DataStore{"sqlite-default": {SQL: sqlConf}}
	conf.ClusterMetadata = &cluster.Config{
		FailoverVersionIncrement: 10,
		MasterClusterName:        clusterName,
		CurrentClusterName:       clusterName,
		ClusterInformation: map[string]cluster.ClusterInformation{
			clusterName: {Enabled: true, InitialFailoverVersion: 1, RPCAddress: frontend},
		},
	}
	conf.DCRedirectionPolicy.Policy = "noop"
	conf.Archival.History.State = "disabled"
	conf.Archival.Visibility.State = "disabled"
	conf.NamespaceDefaults.Archival.History.State = "disabled"
	conf.NamespaceDefaults.Archival.Visibility.State = "disabled"
	conf.PublicClient.HostPort = frontend

	conf.Services = map[string]config.Service{}
	hosts := map[primitives.ServiceName]static.Hosts{}
	for _, svc := range []primitives.ServiceName{
		primitives.FrontendService, primitives.HistoryService,
		primitives.MatchingService, primitives.WorkerService,
	} {
		p := port
		if svc != primitives.FrontendService {
			var err error
			if p, err = FreePort(); err != nil {
				return nil, nil, err
			}
		}
		conf.Services[string(svc)] = config.Service{RPC: config.RPC{GRPCPort: p, BindOnIP: host}}
		hosts[svc] = static.SingleLocalHost(hostPort(p))
	}
	return conf, hosts, nil
}

// dynamicConfig holds the values the Temporal CLI's dev server sets, in a client whose
// values can change while the server runs. The server reads the search attributes anew
// from the database on every use until cached is called, so that attributes registered
// at boot are usable at once; a service's cache would keep its earlier copy for up to
// searchAttributeCacheTTL. The CLI keeps that on for good: it costs about 5% of the
// server's CPU per case (BenchmarkBesideSDK's profile), which Start saves once the
// attributes are in every cache (Config.CaseAttributes).
func dynamicConfig() (dc *dynamicconfig.MemoryClient, cached func()) {
	dc = dynamicconfig.NewMemoryClient()
	cached = dc.OverrideSetting(dynamicconfig.ForceSearchAttributesCacheRefreshOnRead, true)
	// Without the cache, persistence sees more reads; raise the limits as the CLI does.
	dc.OverrideSetting(dynamicconfig.FrontendPersistenceMaxQPS, 10000)
	dc.OverrideSetting(dynamicconfig.HistoryPersistenceMaxQPS, 45000)
	// frontend.namespaceRPS.visibility stays at Temporal's stock 10, as on a fresh
	// cluster: the overview and the lists make one or a few visibility calls a page.
	dc.OverrideSetting(dynamicconfig.HistoryCacheHostLevelMaxSize, 8096)
	return dc, cached
}

// searchAttributeCacheTTL is how long a service of the server keeps its copy of the
// search attributes when not told to read them anew (cacheRefreshInterval in Temporal's
// searchattribute package): a copy read before a registration is gone this long after it.
const searchAttributeCacheTTL = time.Minute

// serverLogger writes the server's warnings and errors to <dataDir>/temporal.log; the
// server is chatty and its log is for debugging the server, not for the user. Without a
// data dir (the tests' in-memory server) its errors go to stderr, which go test shows only
// for a failing package: a server that stops the process says why.
func serverLogger(dataDir string) log.Logger {
	if dataDir == "" {
		return log.NewZapLogger(log.BuildZapLogger(log.Config{Level: "error", Format: "json"}))
	}
	return log.NewZapLogger(log.BuildZapLogger(log.Config{
		Level:      "warn",
		OutputFile: filepath.Join(dataDir, "temporal.log"),
		Format:     "json",
	}))
}
