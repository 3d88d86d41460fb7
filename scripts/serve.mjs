#!/usr/bin/env node
// A small static file server for the web app (make serve; the browser tests and the benchmark
// start it too). Loopback only; no caching, so a rebuild shows on reload.
//   node scripts/serve.mjs [DIR=build/web] [PORT=8000]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.data': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',  // lang/ko.txt
  '.ttf': 'font/ttf',                   // lang/ko-font.ttf
};

/// Serves `root` on 127.0.0.1:`port` (0 picks a free port); resolves to { server, url }.
export function serve(root, port = 8000) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    let file = path.join(base, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
    if (!file.startsWith(base + path.sep)) file = '';  // no escaping the folder with ../
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-cache',
        // cross-origin isolation: performance.now() at full resolution for the frame timings
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({ server, url: `http://localhost:${server.address().port}/` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2] || 'build/web';
  const port = Number(process.argv[3] || process.env.PORT || 8000);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`serve: ${root}/index.html not found; build the web app first (make serve)`);
    process.exit(1);
  }
  serve(root, port).then(
    ({ url }) => console.log(`Backprop Lab: serving ${root} at ${url}  (Ctrl+C stops)`),
    (err) => {
      console.error(`serve: cannot listen on port ${port}: ${err.message}`);
      process.exit(1);
    });
}
