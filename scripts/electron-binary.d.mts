export declare function electronBinary(): { path: string } | { reason: string; installJs: string };
