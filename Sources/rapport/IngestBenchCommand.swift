import ArgumentParser
import Foundation
import Logging
import RapportCore
import RapportServer
import RapportStore

/// Loads the tracking API over loopback with wrk: batches of 100 mixed calls on `/v1/batch`
/// (each with a fresh random UUID as `messageId`, as the SDKs send), then single calls on
/// `/v1/track`, and checks afterwards that every acknowledged call was stored.
struct IngestBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Measure tracking ingest: /v1/batch with 100 calls per request, then single /v1/track calls.")

    @Option(help: "Database to load; it must be empty. Default: a new SQLite file under /tmp")
    var database: String?

    @Option(help: "Seconds of batch load")
    var seconds = 60

    @Option(help: "Concurrent connections for batches")
    var connections = 8

    @Option(help: "Calls per batch")
    var batch = 100

    @Option(help: "Distinct users the calls come from")
    var users = 100_000

    @Option(help: "Seconds of single /v1/track load (0 skips it)")
    var trackSeconds = 20

    @Option(help: "Concurrent connections for single calls")
    var trackConnections = 16

    func run() async throws {
        var logger = CommandLogging.makeLogger("rapport.bench")
        logger.logLevel = .warning
        let bench = try await BenchDatabase.open(database, file: "ingest.sqlite", logger: logger)
        let (services, store, url) = (bench.services, bench.services.store, bench.url)
        let workspaceID = bench.admin.key.workspaceID
        let write = try await services.keys.create(name: "bench", kind: .browser, as: .operator(workspaceID: workspaceID))
        print("Rapport ingest benchmark on \(store.engineName): \(url)")
        var loads = [(Self.batchScript(key: write.secret, batch: batch, users: users), ["-t2", "-c\(connections)", "-d\(seconds)s"])]
        if trackSeconds > 0 {
            loads.append((Self.trackScript(key: write.secret, users: users), ["-t2", "-c\(trackConnections)", "-d\(trackSeconds)s"]))
        }
        let results = try await WrkRunner(services: services, logger: logger).run(loads)
        let batches = results[0]
        print("BATCH   /v1/batch, \(batch) calls each, \(connections) connections, \(seconds) s: \(Int(batches.requestsPerSecond)) requests/s = \(Int(batches.requestsPerSecond * Double(batch))) events/s, latency p50 \(batches.p50), p99 \(batches.p99)\(batches.non2xx > 0 ? ", \(batches.non2xx) NON-2XX" : "")")
        var expected = (batches.requests - batches.non2xx) * batch
        if results.count > 1 {
            let singles = results[1]
            print("TRACK   /v1/track, one call each, \(trackConnections) connections, \(trackSeconds) s: \(Int(singles.requestsPerSecond)) requests/s, latency p50 \(singles.p50), p99 \(singles.p99)\(singles.non2xx > 0 ? ", \(singles.non2xx) NON-2XX" : "")")
            expected += singles.requests - singles.non2xx
        }
        let counts = try await services.commerce.counts(as: .operator(workspaceID: workspaceID))
        // wrk counts requests it sent; one still in flight when it stopped may or may not have committed.
        let inFlight = connections * batch + trackConnections
        let verdict = counts.trackedEvents >= expected && counts.trackedEvents <= expected + inFlight ? "ok" : "MISMATCH"
        print("STORED  \(counts.trackedEvents) tracked events for \(expected) acknowledged calls (\(verdict)); \(counts.customers) customers")
        await store.shutdown()
    }

    /// Lua shared by both loads: the Basic header, message ids, and the mix of calls.
    private static func prelude(key: String, users: Int) -> String {
        """
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("tid", threads)
        end
        function init(args)
          math.randomseed(os.time() * 1000 + tid)
        end
        local headers = {["Authorization"] = "Basic \(Data("\(key):".utf8).base64EncodedString())", ["Content-Type"] = "application/json"}
        local events = {"Product Viewed", "Product Viewed", "Product Added", "Cart Viewed", "Checkout Started"}
        -- Random version-4 UUIDs, as Segment's SDKs send: ids land all over the messageId index.
        function uuid()
          return string.format("%08x-%04x-4%03x-%04x-%04x%08x", math.random(0, 0x7fffffff), math.random(0, 0xffff),
            math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0xffff), math.random(0, 0x7fffffff))
        end
        function call()
          local id = uuid()
          local roll = math.random(1, 100)
          local user = math.random(1, \(users))
          if roll <= 2 then
            return string.format('{"type":"identify","userId":"u%d","anonymousId":"a%d","messageId":"%s","traits":{"email":"user%d@example.com","plan":"gold"},"timestamp":"2026-11-24T10:00:00.000Z","context":{"library":{"name":"bench"}}}', user, user, id, user)
          elseif roll <= 30 then
            return string.format('{"type":"page","anonymousId":"a%d","messageId":"%s","name":"Category","properties":{"path":"/c/%d","title":"Category %d"},"timestamp":"2026-11-24T10:00:00.000Z","context":{"library":{"name":"bench"},"ip":"203.0.113.7"}}', user, id, roll, roll)
          else
            return track_call(user, id)
          end
        end
        function track_call(user, id)
          return string.format('{"type":"track","userId":"u%d","event":"%s","messageId":"%s","properties":{"product_id":"P%d","price":19.99,"currency":"EUR"},"timestamp":"2026-11-24T10:00:00.000Z","context":{"library":{"name":"bench"}}}', user, events[math.random(1, 5)], id, math.random(1, 300))
        end
        """
    }

    static func batchScript(key: String, batch: Int, users: Int) -> String {
        prelude(key: key, users: users) + """

        request = function()
          local calls = {}
          for i = 1, \(batch) do calls[i] = call() end
          return wrk.format("POST", "/v1/batch", headers, '{"batch":[' .. table.concat(calls, ",") .. '],"sentAt":"2026-11-24T10:00:01.000Z"}')
        end
        """
    }

    static func trackScript(key: String, users: Int) -> String {
        prelude(key: key, users: users) + """

        request = function()
          return wrk.format("POST", "/v1/track", headers, track_call(math.random(1, \(users)), uuid()))
        end
        """
    }
}
