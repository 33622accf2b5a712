// A real S3-compatible server (s3rver) for tests, in its own process: s3rver signs its continuation tokens with DES,
// which Node 17+ only has under --openssl-legacy-provider, a flag test workers cannot set for themselves.
// Prints {"port": n} once listening; stops on SIGTERM. Argument: the directory it stores buckets in.
import S3rver from "s3rver";

const server = new S3rver({ port: 0, address: "127.0.0.1", directory: process.argv[2], silent: true });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
