/** For a test page in an iframe: what the library's bundle is to a plain page (registers the elements). */
import '../../src/index.js';
