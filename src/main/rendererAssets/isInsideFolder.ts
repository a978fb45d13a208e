import path from 'node:path';

/**
 * Whether `candidate` lies strictly below `folder` (both absolute and resolved). A file named `..x` is
 * inside; `..` is not, nor the folder itself. `pathApi` is injectable so tests cover Windows paths.
 */
export function isInsideFolder(folder: string, candidate: string, pathApi: path.PlatformPath = path): boolean {
  const relative = pathApi.relative(folder, candidate);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${pathApi.sep}`) && !pathApi.isAbsolute(relative);
}
