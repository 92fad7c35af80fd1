/** The repository's root folder. */
export declare const ROOT: string;
/** The Electron binary's path, or null when it is not installed. */
export declare function electronBinary(): string | null;
