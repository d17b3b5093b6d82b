// The one error type of the content build. Its message is a single line that names
// the file at fault and the problem, so the CLI can print it as is and a reviewer
// knows what to fix; the build never writes a half-made database when it is thrown.
export class ContentBuildError extends Error {
  constructor(message: string) {
    super(message.replace(/\r?\n/g, ' '));
    this.name = 'ContentBuildError';
  }
}
