/** Every stage the desk deploys, by name: `-c stage=<name>` picks one (default `dev`). */
import { dev } from './dev.ts';
import { prod } from './prod.ts';
import type { StageSettings } from './settings.ts';
import { staging } from './staging.ts';

export const stages: Readonly<Record<string, StageSettings>> = { dev, staging, prod };
