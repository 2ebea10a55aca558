import type { Type } from '@nestjs/common';
import { BuildingsModule } from './buildings/buildings.module';
import { ParksModule } from './parks/parks.module';
import { UnitsModule } from './units/units.module';
import { ZonesModule } from './zones/zones.module';

/** Feature modules, registered in AppModule. Add each new module here. */
export const FEATURE_MODULES: Type[] = [ZonesModule, ParksModule, BuildingsModule, UnitsModule];
