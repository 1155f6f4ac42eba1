package cluster

import (
	"os"
	"text/template"
)

// temporalPorts are the ports of the server's four services (gRPC and membership each)
// and the frontend's HTTP API.
type temporalPorts struct {
	Frontend, FrontendMembership, FrontendHTTP int
	History, HistoryMembership                 int
	Matching, MatchingMembership               int
	Worker, WorkerMembership                   int
}

// temporalConfig is the server's static configuration: PostgreSQL for both the history
// and SQL visibility, four history shards (fixed for the life of a cluster: choose it
// before the first start), all services in one process on 127.0.0.1, and no dynamic
// config file, so Temporal's stock limits apply (what a fresh cluster has).
var temporalConfig = template.Must(template.New("temporal").Parse(`# Temporal server for wijkflow (internal/cluster): PostgreSQL, 4 history shards.
log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:
      sql:
        pluginName: postgres12
        databaseName: temporal
        connectAddr: "127.0.0.1:{{.PG}}"
        connectProtocol: tcp
        user: temporal
        password: temporal
        maxConns: 20
        maxIdleConns: 20
        maxConnLifetime: 1h
    postgres-visibility:
      sql:
        pluginName: postgres12
        databaseName: temporal_visibility
        connectAddr: "127.0.0.1:{{.PG}}"
        connectProtocol: tcp
        user: temporal
        password: temporal
        maxConns: 10
        maxIdleConns: 10
        maxConnLifetime: 1h

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1

services:
  frontend:
    rpc:
      grpcPort: {{.Ports.Frontend}}
      membershipPort: {{.Ports.FrontendMembership}}
      httpPort: {{.Ports.FrontendHTTP}}
      bindOnLocalHost: true
  history:
    rpc:
      grpcPort: {{.Ports.History}}
      membershipPort: {{.Ports.HistoryMembership}}
      bindOnLocalHost: true
  matching:
    rpc:
      grpcPort: {{.Ports.Matching}}
      membershipPort: {{.Ports.MatchingMembership}}
      bindOnLocalHost: true
  worker:
    rpc:
      grpcPort: {{.Ports.Worker}}
      membershipPort: {{.Ports.WorkerMembership}}
      bindOnLocalHost: true

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:{{.Ports.Frontend}}"

dcRedirectionPolicy:
  policy: noop
`))

// writeTemporalConfig writes the server's config for PostgreSQL on pgPort to path.
func writeTemporalConfig(path string, pgPort int, ports temporalPorts) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := temporalConfig.Execute(f, struct {
		PG    int
		Ports temporalPorts
	}{pgPort, ports}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
