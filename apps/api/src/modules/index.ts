import type { Type } from '@nestjs/common';

/** Feature modules, registered in AppModule. Add each new module here. */
export const FEATURE_MODULES: Type[] = [];
