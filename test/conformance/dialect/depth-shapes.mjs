// Deeply nested but valid scripts, by shape; the sizes at which real Rhino 1.7.14 was asked (record-depth.mjs).
export const DEPTH_SHAPES = {
  "plus-chain": (n) => `var x = ${Array(n).fill('"a"').join(" + ")};\nprint(x.length);`,
  parens: (n) => `var x = ${"(".repeat(n)}1${")".repeat(n)};\nprint(x);`,
  arrays: (n) => `var x = ${"[".repeat(n)}1${"]".repeat(n)};\nprint(x.length);`,
  blocks: (n) => `var x = 0;\n${"{".repeat(n)}x++;${"}".repeat(n)}\nprint(x);`,
  objects: (n) => `var x = ${"{a:".repeat(n)}0${"}".repeat(n)};\nprint(typeof x);`,
  calls: (n) => `function f(a) { return a; }\nvar x = ${"f(".repeat(n)}1${")".repeat(n)};\nprint(x);`,
  ifs: (n) => `var x = 0;\n${"if (x < 1) ".repeat(n)}x++;\nprint(x);`,
  "else-ifs": (n) => `var x = ${n};\n${Array.from({ length: n }, (_, i) => `if (x == ${i}) { x = 0; }`).join(" else ")}\nprint(x);`,
  arrows: (n) => `var x = ${"() => ".repeat(n)}1;\nprint(typeof x);`,
  ternaries: (n) => `var x = ${"1 ? ".repeat(n)}1${" : 0".repeat(n)};\nprint(x);`,
  functions: (n) => `var x = ${"(function(){ return ".repeat(n)}1${"; })()".repeat(n)};\nprint(x);`,
};

export const DEPTH_SIZES = {
  "plus-chain": [500, 1000, 2000, 3000, 5000, 10000, 20000],
  parens: [100, 200, 300, 400, 500, 1000],
  arrays: [100, 200, 300, 400, 500, 1000],
  blocks: [500, 1000, 1800, 2000, 5000],
  functions: [50, 100, 200, 300, 1000],
  objects: [200, 300, 400, 500],
  calls: [300, 400, 500, 1000],
  ifs: [500, 1000, 1800, 2000, 5000],
  "else-ifs": [500, 1000, 1800, 2000, 5000],
  arrows: [300, 1000, 3000],
  ternaries: [400, 1000, 3000],
};
