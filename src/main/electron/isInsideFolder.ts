import path from 'node:path';

/** Whether `candidate` lies strictly below `folder` (both absolute). A file named `..x` is inside; `..` is not. */
export function isInsideFolder(folder: string, candidate: string, pathApi: path.PlatformPath = path): boolean {
  const relative = pathApi.relative(folder, candidate);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${pathApi.sep}`) && !pathApi.isAbsolute(relative);
}
